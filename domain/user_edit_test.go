package domain_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/parley-chat/parley/domain"
)

var editNow = time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)

func lifecycleUsers() (admin, member, other domain.User) {
	acc := domain.NewID()
	mk := func(name string, role domain.Role) domain.User {
		return domain.NewUser(acc, domain.UserDraft{Name: name, Email: strings.ToLower(name) + "@x.test"}, role, "hash", editNow.Add(-time.Hour))
	}
	return mk("Admin", domain.RoleAdmin), mk("Member", domain.RoleMember), mk("Other", domain.RoleMember)
}

func str(s string) *string { return &s }

func TestEditRights(t *testing.T) {
	admin, member, other := lifecycleUsers()
	gone := other.Deactivate(editNow.Add(-time.Minute))
	cases := []struct {
		name           string
		target, editor domain.User
		edit           domain.UserEdit
		forbidden      bool
	}{
		{"member_renames_self", member, member, domain.UserEdit{Name: str("M")}, false},
		{"member_renames_other", other, member, domain.UserEdit{Name: str("O")}, true},
		{"member_promotes_self", member, member, domain.UserEdit{Role: str("admin")}, true},
		{"member_repeats_own_role", member, member, domain.UserEdit{Role: str("member"), Name: str("M")}, false},
		{"member_reactivates", gone, member, domain.UserEdit{Reactivate: true}, true},
		{"admin_renames_other", other, admin, domain.UserEdit{Name: str("O"), Email: str("o2@x.test")}, false},
		{"admin_promotes", member, admin, domain.UserEdit{Role: str("admin")}, false},
		{"admin_reactivates", gone, admin, domain.UserEdit{Reactivate: true}, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := c.target.Edit(c.editor, c.edit, editNow)
			if c.forbidden {
				require.ErrorIs(t, err, domain.ErrForbidden)
				return
			}
			require.NoError(t, err)
			require.Equal(t, c.target.ID, got.ID)
			require.Equal(t, editNow, got.UpdatedAt)
			require.True(t, got.Active())
		})
	}
}

func TestEditAppliesTrimmedValues(t *testing.T) {
	admin, member, _ := lifecycleUsers()
	got, err := member.Edit(admin, domain.UserEdit{Name: str("  Ada  "), Email: str(" ada@y.test "), Role: str("admin")}, editNow)
	require.NoError(t, err)
	require.Equal(t, "Ada", got.Name)
	require.Equal(t, "ada@y.test", got.Email)
	require.Equal(t, domain.RoleAdmin, got.Role)
	require.Equal(t, member.PasswordHash, got.PasswordHash)
}

func TestEditReportsEveryProblem(t *testing.T) {
	admin, member, _ := lifecycleUsers()
	_, err := member.Edit(admin, domain.UserEdit{Name: str("   "), Email: str("not-an-address"), Role: str("owner")}, editNow)
	var ve *domain.ValidationError
	require.True(t, errors.As(err, &ve), "%v", err)
	require.Equal(t, []domain.Problem{
		{Field: "name", Rule: domain.RuleRequired},
		{Field: "email", Rule: domain.RuleFormat},
		{Field: "role", Rule: domain.RuleFormat},
	}, ve.Problems)
	_, err = member.Edit(admin, domain.UserEdit{Name: str(strings.Repeat("a", 101)), Email: str("")}, editNow)
	require.True(t, errors.As(err, &ve))
	require.Equal(t, []domain.Problem{{Field: "name", Rule: domain.RuleTooLong}, {Field: "email", Rule: domain.RuleRequired}}, ve.Problems)
}

func TestDeactivateCutsOffEveryToken(t *testing.T) {
	_, member, _ := lifecycleUsers()
	require.True(t, member.AcceptsToken("t1", editNow.Add(-time.Second)))
	gone := member.Deactivate(editNow)
	require.False(t, gone.Active())
	require.Equal(t, editNow, gone.DiscardedAt)
	require.False(t, gone.AcceptsToken("t1", editNow.Add(-time.Second)))
	require.False(t, gone.AcceptsToken("t2", editNow.Add(time.Second)), "a deactivated user accepts no token at all")
}

func TestTokenCutoffAccepts(t *testing.T) {
	c := domain.TokenCutoff{ValidAfter: editNow, KeptTokenID: "kept"}
	require.True(t, c.Accepts("kept", editNow.Add(-time.Hour)), "the kept token survives")
	require.False(t, c.Accepts("old", editNow.Add(-time.Millisecond)))
	require.False(t, c.Accepts("same-ms", editNow.Add(500*time.Microsecond)), "the very millisecond of the cutoff is refused")
	require.True(t, c.Accepts("new", editNow.Add(time.Millisecond)))
	require.True(t, domain.TokenCutoff{}.Accepts("any", time.Time{}), "no cutoff refuses nothing")
	require.False(t, domain.TokenCutoff{ValidAfter: editNow}.Accepts("", editNow.Add(-time.Second)), "an empty id is not the kept one")
}
