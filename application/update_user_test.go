package application_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/parley-chat/parley/application"
	"github.com/parley-chat/parley/domain"
)

func TestUpdateUser(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	l := newLifecycle(t)
	admin := l.account(t, "Ada")
	grace := l.member(t, admin, "Grace")
	linus := l.member(t, admin, "Linus")
	stranger := l.account(t, "Stranger")

	t.Run("member_renames_self_and_a_second_read_sees_it", func(t *testing.T) {
		l.clock.Advance(time.Minute)
		got, err := l.update.Execute(ctx, actorOf(grace), grace.ID, application.UpdateUserInput{Name: ptr(" Grace Hopper ")})
		require.NoError(t, err)
		require.Equal(t, "Grace Hopper", got.Name)
		require.Equal(t, l.clock.Now(), got.UpdatedAt)
		read, err := l.getUser.Execute(ctx, admin, grace.ID)
		require.NoError(t, err)
		require.Equal(t, "Grace Hopper", read.Name)
		require.Equal(t, grace.Email, read.Email)
	})
	t.Run("member_cannot_edit_others_or_roles", func(t *testing.T) {
		_, err := l.update.Execute(ctx, actorOf(grace), linus.ID, application.UpdateUserInput{Name: ptr("Hacked")})
		require.ErrorIs(t, err, domain.ErrForbidden)
		_, err = l.update.Execute(ctx, actorOf(grace), grace.ID, application.UpdateUserInput{Role: ptr("admin")})
		require.ErrorIs(t, err, domain.ErrForbidden)
		read, _ := l.getUser.Execute(ctx, admin, linus.ID)
		require.Equal(t, "Linus", read.Name)
	})
	t.Run("other_account_is_not_found", func(t *testing.T) {
		_, err := l.update.Execute(ctx, stranger, grace.ID, application.UpdateUserInput{Name: ptr("X")})
		require.ErrorIs(t, err, domain.ErrNotFound)
	})
	t.Run("every_problem_at_once", func(t *testing.T) {
		_, err := l.update.Execute(ctx, admin, linus.ID, application.UpdateUserInput{Name: ptr(""), Email: ptr("nope"), Role: ptr("root")})
		require.Equal(t, []domain.Problem{{Field: "name", Rule: domain.RuleRequired}, {Field: "email", Rule: domain.RuleFormat}, {Field: "role", Rule: domain.RuleFormat}}, problemsOf(t, err))
	})
	t.Run("taken_email_is_a_problem_on_email", func(t *testing.T) {
		_, err := l.update.Execute(ctx, admin, linus.ID, application.UpdateUserInput{Email: ptr(" " + grace.Email + " ")})
		require.Equal(t, []domain.Problem{{Field: "email", Rule: domain.RuleTaken}}, problemsOf(t, err))
		read, _ := l.getUser.Execute(ctx, admin, linus.ID)
		require.Equal(t, linus.Email, read.Email)
	})
	t.Run("admin_promotes_and_the_last_admin_cannot_step_down", func(t *testing.T) {
		_, err := l.update.Execute(ctx, admin, admin.UserID, application.UpdateUserInput{Role: ptr("member")})
		require.ErrorIs(t, err, domain.ErrLastAdmin)
		require.ErrorIs(t, err, domain.ErrConflict)
		linusToken := l.session(t, linus)
		l.clock.Advance(time.Second)
		got, err := l.update.Execute(ctx, admin, linus.ID, application.UpdateUserInput{Role: ptr("admin")})
		require.NoError(t, err)
		require.Equal(t, domain.RoleAdmin, got.Role)
		_, err = l.authenticate.Execute(tokenOf(linusToken))
		require.ErrorIs(t, err, domain.ErrUnauthenticated, "a token with the old role is refused")
		l.clock.Advance(time.Second)
		require.Equal(t, domain.RoleAdmin, l.session(t, linus).Actor.Role, "a new sign-in carries the new role")
		_, err = l.update.Execute(ctx, admin, admin.UserID, application.UpdateUserInput{Role: ptr("member")})
		require.NoError(t, err, "another admin is left")
		_, err = l.update.Execute(ctx, admin, grace.ID, application.UpdateUserInput{Name: ptr("Grace H")})
		require.ErrorIs(t, err, domain.ErrForbidden, "a demoted admin loses the right at once, whatever the token says")
	})
	t.Run("audit_names_actor_and_changes", func(t *testing.T) {
		var roles []application.AuditEntry
		for _, e := range l.audit.all() {
			require.NotContains(t, e.Changes, "password_hash")
			if _, ok := e.Changes["role"]; ok {
				roles = append(roles, e)
			}
		}
		require.Len(t, roles, 2)
		require.Equal(t, application.AuditEntry{Actor: admin, Action: application.AuditUserUpdated, Target: linus.ID, Changes: map[string]string{"role": "admin"}}, roles[0])
	})
}

func TestReactivateUser(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	l := newLifecycle(t)
	admin := l.account(t, "Ada")
	grace := l.member(t, admin, "Grace")
	old := l.session(t, grace)
	require.NoError(t, l.deactivate.Execute(ctx, admin, grace.ID))

	_, err := l.update.Execute(ctx, actorOf(grace), grace.ID, application.UpdateUserInput{Reactivate: true})
	require.ErrorIs(t, err, domain.ErrUnauthenticated, "a deactivated user cannot act")
	l.clock.Advance(time.Second)
	got, err := l.update.Execute(ctx, admin, grace.ID, application.UpdateUserInput{Reactivate: true})
	require.NoError(t, err)
	require.True(t, got.Active())
	_, err = l.authenticate.Execute(tokenOf(old))
	require.ErrorIs(t, err, domain.ErrUnauthenticated, "tokens from before the deactivation stay refused")
	l.clock.Advance(time.Second)
	fresh := l.session(t, grace)
	require.Equal(t, grace.ID, fresh.Actor.UserID, "a reactivated user signs in again")
	require.Equal(t, application.AuditUserReactivated, l.audit.all()[len(l.audit.all())-1].Action)
}
