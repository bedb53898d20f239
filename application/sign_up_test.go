package application_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/parley-chat/parley/adapters/memstore"
	"github.com/parley-chat/parley/application"
	"github.com/parley-chat/parley/domain"
)

func TestSignUp(t *testing.T) {
	t.Parallel()
	ctx := context.Background()

	t.Run("creates_account_and_admin", func(t *testing.T) {
		t.Parallel()
		h := newHarness(t)
		s, err := h.signUp.Execute(ctx, application.SignUpInput{AccountName: " Acme ", Name: " Ada Lovelace ", Email: " ada@acme.test ", Password: "password1"})
		require.NoError(t, err)
		require.Equal(t, "Ada Lovelace", s.User.Name)
		require.Equal(t, "ada@acme.test", s.User.Email)
		require.Equal(t, domain.RoleAdmin, s.User.Role)
		require.NotEqual(t, "password1", s.User.PasswordHash)
		require.NotEmpty(t, s.Token.Value)
		claims, err := h.authenticate.Execute(s.Token.Value)
		require.NoError(t, err)
		require.Equal(t, actorOf(s.User), claims.Actor)
		require.Equal(t, memstore.Counts{Accounts: 1, Users: 1}, h.store.Counts())
	})

	t.Run("reports_every_problem_together", func(t *testing.T) {
		t.Parallel()
		h := newHarness(t)
		_, err := h.signUp.Execute(ctx, application.SignUpInput{AccountName: " ", Name: "", Email: "Ada <ada@acme.test>", Password: "1234567"})
		require.Equal(t, []domain.Problem{
			{Field: "account_name", Rule: domain.RuleRequired},
			{Field: "name", Rule: domain.RuleRequired},
			{Field: "email", Rule: domain.RuleFormat},
			{Field: "password", Rule: domain.RuleTooShort},
		}, problemsOf(t, err))
		require.Equal(t, memstore.Counts{Accounts: 0, Users: 0}, h.store.Counts())
	})

	t.Run("email_taken_case_insensitively", func(t *testing.T) {
		t.Parallel()
		h := newHarness(t)
		_, err := h.signUp.Execute(ctx, application.SignUpInput{AccountName: "Acme", Name: "Jürgen", Email: "jürgen@acme.test", Password: "password1"})
		require.NoError(t, err)
		for _, email := range []string{"jürgen@acme.test", "JÜRGEN@ACME.TEST", " Jürgen@Acme.Test "} {
			_, err = h.signUp.Execute(ctx, application.SignUpInput{AccountName: "Other", Name: "J", Email: email, Password: "password1"})
			require.Equal(t, []domain.Problem{{Field: "email", Rule: domain.RuleTaken}}, problemsOf(t, err), email)
		}
		require.Equal(t, memstore.Counts{Accounts: 1, Users: 1}, h.store.Counts(), "a refused sign-up writes no account")
	})
}

func TestSignIn(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	h := newHarness(t)
	up, err := h.signUp.Execute(ctx, application.SignUpInput{AccountName: "Acme", Name: "Ada", Email: "ada@acme.test", Password: "correct horse"})
	require.NoError(t, err)

	t.Run("right_password_any_case_of_email", func(t *testing.T) {
		t.Parallel()
		s, err := h.signIn.Execute(ctx, application.SignInInput{Email: "ADA@Acme.test", Password: "correct horse"})
		require.NoError(t, err)
		require.Equal(t, up.User.ID, s.User.ID)
		require.NotEqual(t, up.Token.ID, s.Token.ID, "every sign-in gets its own token")
	})

	tests := []struct {
		name  string
		input application.SignInInput
	}{
		{"wrong_password", application.SignInInput{Email: "ada@acme.test", Password: "wrong horse"}},
		{"password_of_other_case", application.SignInInput{Email: "ada@acme.test", Password: "CORRECT HORSE"}},
		{"unknown_email", application.SignInInput{Email: "bob@acme.test", Password: "correct horse"}},
		{"empty", application.SignInInput{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s, err := h.signIn.Execute(ctx, tt.input)
			require.ErrorIs(t, err, domain.ErrInvalidCredentials)
			require.Empty(t, s.Token.Value)
		})
	}
}

func TestCreateUser(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	h := newHarness(t)
	admin := h.account(t, "Ada")
	input := application.CreateUserInput{Name: "Grace Hopper", Email: "grace@acme.test", Password: "password1"}

	member, err := h.createUser.Execute(ctx, admin, input)
	require.NoError(t, err)
	require.Equal(t, admin.AccountID, member.AccountID)
	require.Equal(t, domain.RoleMember, member.Role)
	got, err := h.getUser.Execute(ctx, admin, member.ID)
	require.NoError(t, err)
	require.Equal(t, member, got)

	t.Run("non_admin_forbidden", func(t *testing.T) {
		_, err := h.createUser.Execute(ctx, actorOf(member), application.CreateUserInput{Name: "Eve", Email: "eve@acme.test", Password: "password1"})
		require.ErrorIs(t, err, domain.ErrForbidden)
		_, err = h.signIn.Execute(ctx, application.SignInInput{Email: "eve@acme.test", Password: "password1"})
		require.ErrorIs(t, err, domain.ErrInvalidCredentials, "nothing was written")
	})

	t.Run("email_taken", func(t *testing.T) {
		in := input
		in.Email = "GRACE@acme.TEST"
		_, err := h.createUser.Execute(ctx, admin, in)
		require.Equal(t, []domain.Problem{{Field: "email", Rule: domain.RuleTaken}}, problemsOf(t, err))
	})

	t.Run("invalid_fields", func(t *testing.T) {
		_, err := h.createUser.Execute(ctx, admin, application.CreateUserInput{Name: "", Email: "x", Password: ""})
		require.Equal(t, []domain.Problem{
			{Field: "name", Rule: domain.RuleRequired},
			{Field: "email", Rule: domain.RuleFormat},
			{Field: "password", Rule: domain.RuleRequired},
		}, problemsOf(t, err))
	})

	t.Run("get_user_of_another_account", func(t *testing.T) {
		other := h.account(t, "Other")
		_, err := h.getUser.Execute(ctx, other, member.ID)
		require.ErrorIs(t, err, domain.ErrNotFound)
	})
}
