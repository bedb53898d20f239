package httpapi

import (
	"context"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/parley-chat/parley/application"
	"github.com/parley-chat/parley/domain"
)

// world is a tiny in-memory backing for the use cases under test.
type world struct {
	mu       sync.Mutex
	users    []domain.User
	convs    []domain.DirectConversationAggregate
	messages []domain.Message
	tokens   map[string]application.TokenClaims
}

type (
	fakeUsers    struct{ *world }
	fakeConvs    struct{ *world }
	fakeChats    struct{ *world }
	fakeMessages struct{ *world }
	fakeTokens   struct{ *world }
	fakeHasher   struct{}
	fakeRevoked  struct{}
	fixedClock   struct{}
)

var testNow = time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)

func (fixedClock) Now() time.Time                                     { return testNow }
func (fakeHasher) Hash(p string) (string, error)                      { return "hash:" + p, nil }
func (fakeHasher) Verify(h, p string) (bool, error)                   { return h == "hash:"+p, nil }
func (fakeRevoked) Revoke(context.Context, domain.RevokedToken) error { return nil }
func (fakeRevoked) DeleteExpired(context.Context, time.Time) error    { return nil }
func (fakeRevoked) RevokedSince(context.Context, time.Time, time.Time) ([]domain.RevokedToken, error) {
	return nil, nil
}

func (t fakeTokens) Issue(actor domain.Actor, now time.Time) (application.IssuedToken, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	id := domain.NewID().String()
	t.tokens[id] = application.TokenClaims{Actor: actor, ID: id, ExpiresAt: now.Add(time.Hour)}
	return application.IssuedToken{Value: id, ID: id, ExpiresAt: now.Add(time.Hour)}, nil
}

func (t fakeTokens) Verify(token string, _ time.Time) (application.TokenClaims, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	claims, ok := t.tokens[token]
	if !ok {
		return application.TokenClaims{}, domain.ErrUnauthenticated
	}
	return claims, nil
}

func (u fakeUsers) CreateWithAccount(ctx context.Context, _ domain.Account, user domain.User) error {
	return u.Create(ctx, user)
}

func (u fakeUsers) Create(_ context.Context, user domain.User) error {
	u.mu.Lock()
	defer u.mu.Unlock()
	for _, x := range u.users {
		if strings.EqualFold(x.Email, user.Email) {
			return domain.ErrConflict
		}
	}
	u.users = append(u.users, user)
	return nil
}

func (u fakeUsers) ByID(_ context.Context, accountID, id domain.ID) (domain.User, error) {
	u.mu.Lock()
	defer u.mu.Unlock()
	return u.user(accountID, id)
}

func (w *world) user(accountID, id domain.ID) (domain.User, error) {
	for _, x := range w.users {
		if x.ID == id && x.AccountID == accountID {
			return x, nil
		}
	}
	return domain.User{}, domain.ErrNotFound
}

func (u fakeUsers) ByEmail(_ context.Context, email string) (domain.User, error) {
	u.mu.Lock()
	defer u.mu.Unlock()
	for _, x := range u.users {
		if strings.EqualFold(x.Email, email) {
			return x, nil
		}
	}
	return domain.User{}, domain.ErrNotFound
}

// List orders by id only; enough to page through with the default sort in
// tests that use distinct names in id order.
func (u fakeUsers) List(_ context.Context, actor domain.Actor, q application.ListQuery) ([]domain.User, error) {
	u.mu.Lock()
	defer u.mu.Unlock()
	var out []domain.User
	for _, x := range u.users {
		if x.AccountID == actor.AccountID && (q.After == nil || x.ID.String() > q.After.ID.String()) {
			out = append(out, x)
		}
	}
	slices.SortFunc(out, func(a, b domain.User) int { return strings.Compare(a.ID.String(), b.ID.String()) })
	return out[:min(len(out), q.Size+1)], nil
}
