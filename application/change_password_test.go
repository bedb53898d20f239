package application_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/parley-chat/parley/application"
	"github.com/parley-chat/parley/domain"
)

func TestChangePassword(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	l := newLifecycle(t)
	admin := l.account(t, "Ada")
	grace := l.member(t, admin, "Grace")
	current := l.session(t, grace)
	other := l.session(t, grace)
	l.clock.Advance(time.Second)

	t.Run("wrong_current_and_bad_new_are_reported_together", func(t *testing.T) {
		_, err := l.password.Execute(ctx, current, application.ChangePasswordInput{CurrentPassword: "wrong-one", Password: "short"})
		require.Equal(t, []domain.Problem{{Field: "current_password", Rule: domain.RuleIncorrect}, {Field: "password", Rule: domain.RuleTooShort}}, problemsOf(t, err))
		_, err = l.password.Execute(ctx, current, application.ChangePasswordInput{Password: "long enough"})
		require.Equal(t, []domain.Problem{{Field: "current_password", Rule: domain.RuleRequired}}, problemsOf(t, err))
		_, err = l.authenticate.Execute(tokenOf(other))
		require.NoError(t, err, "a refused change refuses no token")
	})

	_, err := l.password.Execute(ctx, current, application.ChangePasswordInput{CurrentPassword: "password1", Password: "new password"})
	require.NoError(t, err)

	t.Run("keeps_the_callers_token_and_refuses_the_others_at_once", func(t *testing.T) {
		_, err := l.authenticate.Execute(tokenOf(current))
		require.NoError(t, err)
		_, err = l.authenticate.Execute(tokenOf(other))
		require.ErrorIs(t, err, domain.ErrUnauthenticated)
	})
	t.Run("other_replica_refuses_after_one_sync", func(t *testing.T) {
		replica := application.NewRevocationList(l.revokedRepo, l.clock)
		replica.FollowCutoffs(l.usersRepo())
		auth := application.NewAuthenticate(l.tokens, replica, l.clock)
		_, err := auth.Execute(tokenOf(other))
		require.NoError(t, err, "before syncing the replica does not know")
		require.NoError(t, replica.Sync(ctx))
		_, err = auth.Execute(tokenOf(other))
		require.ErrorIs(t, err, domain.ErrUnauthenticated)
		_, err = auth.Execute(tokenOf(current))
		require.NoError(t, err)
	})
	t.Run("only_the_new_password_signs_in", func(t *testing.T) {
		_, err := l.signIn.Execute(ctx, application.SignInInput{Email: grace.Email, Password: "password1"})
		require.ErrorIs(t, err, domain.ErrInvalidCredentials)
		l.clock.Advance(time.Millisecond)
		s, err := l.signIn.Execute(ctx, application.SignInInput{Email: grace.Email, Password: "new password"})
		require.NoError(t, err)
		_, err = l.authenticate.Execute(s.Token.Value)
		require.NoError(t, err, "a token issued after the change is valid")
	})
	t.Run("audit_never_holds_the_password", func(t *testing.T) {
		entries := l.audit.all()
		require.Len(t, entries, 1)
		require.Equal(t, application.AuditEntry{Actor: actorOf(grace), Action: application.AuditPasswordChanged, Target: grace.ID, Changes: map[string]string{"password": ""}}, entries[0])
	})
}
