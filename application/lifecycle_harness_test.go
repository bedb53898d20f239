package application_test

import (
	"context"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/parley-chat/parley/adapters/memstore"
	"github.com/parley-chat/parley/application"
	"github.com/parley-chat/parley/domain"
)

// recordingAudit keeps every audit entry.
type recordingAudit struct {
	mu      sync.Mutex
	entries []application.AuditEntry
}

func (a *recordingAudit) Record(_ context.Context, e application.AuditEntry) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.entries = append(a.entries, e)
}

func (a *recordingAudit) all() []application.AuditEntry {
	a.mu.Lock()
	defer a.mu.Unlock()
	return append([]application.AuditEntry(nil), a.entries...)
}

// lifecycle is the harness plus the user lifecycle use cases.
type lifecycle struct {
	*harness
	audit      *recordingAudit
	update     *application.UpdateUser
	password   *application.ChangePassword
	deactivate *application.DeactivateUser
}

func newLifecycle(t *testing.T) *lifecycle {
	t.Helper()
	h := newHarness(t)
	users := memstore.NewUsers(h.store)
	h.revocations.FollowCutoffs(users)
	audit := &recordingAudit{}
	return &lifecycle{
		harness:    h,
		audit:      audit,
		update:     application.NewUpdateUser(users, h.revocations, audit, h.clock),
		password:   application.NewChangePassword(users, testHasher{}, h.revocations, audit, h.clock),
		deactivate: application.NewDeactivateUser(users, h.revocations, audit, h.clock),
	}
}

// session signs user in with the harness password.
func (l *lifecycle) session(t *testing.T, user domain.User) application.TokenClaims {
	t.Helper()
	s, err := l.signIn.Execute(context.Background(), application.SignInInput{Email: user.Email, Password: "password1"})
	require.NoError(t, err)
	claims, err := l.authenticate.Execute(s.Token.Value)
	require.NoError(t, err)
	return claims
}

// adminUser returns the stored user behind actor.
func (l *lifecycle) adminUser(t *testing.T, actor domain.Actor) domain.User {
	t.Helper()
	u, err := l.getUser.Execute(context.Background(), actor, actor.UserID)
	require.NoError(t, err)
	return u
}

// tokenOf returns the token value of claims, as the client presents it.
func tokenOf(claims application.TokenClaims) string { return "token-" + claims.ID }

// usersRepo is a user repository over the harness store.
func (l *lifecycle) usersRepo() *memstore.Users { return memstore.NewUsers(l.store) }
