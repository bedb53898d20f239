package domain_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/parley-chat/parley/domain"
)

// problemsOf returns the problems of a *domain.ValidationError, or nil when
// err is nil; any other error fails the test.
func problemsOf(t *testing.T, err error) []domain.Problem {
	t.Helper()
	if err == nil {
		return nil
	}
	var ve *domain.ValidationError
	require.True(t, errors.As(err, &ve), "want a validation error, got %v", err)
	return ve.Problems
}

func problem(field string, rule domain.Rule) []domain.Problem {
	return []domain.Problem{{Field: field, Rule: rule}}
}

func TestUserDraftValidate(t *testing.T) {
	t.Parallel()
	valid := domain.UserDraft{Name: "Ada Lovelace", Email: "ada@acme.test", Password: "correct horse"}
	name := func(s string) domain.UserDraft { d := valid; d.Name = s; return d }
	email := func(s string) domain.UserDraft { d := valid; d.Email = s; return d }
	password := func(s string) domain.UserDraft { d := valid; d.Password = s; return d }
	tests := []struct {
		name  string
		draft domain.UserDraft
		want  []domain.Problem
	}{
		{"valid", valid, nil},
		{"name_missing", name(""), problem("name", domain.RuleRequired)},
		{"name_only_white_space", name(" \t\n "), problem("name", domain.RuleRequired)},
		{"name_100_multibyte_characters", name(strings.Repeat("ö", 100)), nil},
		{"name_100_characters_inside_white_space", name("  " + strings.Repeat("a", 100) + "\t"), nil},
		{"name_101_characters", name(strings.Repeat("a", 101)), problem("name", domain.RuleTooLong)},
		{"name_101_multibyte_characters", name(strings.Repeat("ö", 101)), problem("name", domain.RuleTooLong)},
		{"name_with_bell", name("Ada\aLovelace"), problem("name", domain.RuleCharacters)},
		{"name_with_line_break", name("Ada\nLovelace"), problem("name", domain.RuleCharacters)},
		{"name_with_nul", name("Ada\x00"), problem("name", domain.RuleCharacters)},
		{"name_with_right_to_left_override", name("Ada\u202eecalevoL"), problem("name", domain.RuleCharacters)},
		{"name_with_isolate", name("Ada\u2066x"), problem("name", domain.RuleCharacters)},
		{"name_with_right_to_left_mark", name("Ada\u200f"), problem("name", domain.RuleCharacters)},
		{"name_with_arabic_letter_mark", name("Ada\u061c"), problem("name", domain.RuleCharacters)},
		{"name_with_invalid_utf8", name("Ada\xff"), problem("name", domain.RuleCharacters)},
		{"name_in_arabic_script", name("أحمد"), nil},
		{"email_with_nul", email("a\x00@acme.test"), problem("email", domain.RuleFormat)},
		{"password_with_nul", password("correct\x00horse"), problem("password", domain.RuleFormat)},
		{"email_missing", email("  "), problem("email", domain.RuleRequired)},
		{"email_without_at", email("ada.acme.test"), problem("email", domain.RuleFormat)},
		{"email_with_display_name", email("Ada <ada@acme.test>"), problem("email", domain.RuleFormat)},
		{"email_with_quoted_display_name", email(`"Ada" <ada@acme.test>`), problem("email", domain.RuleFormat)},
		{"email_in_angle_brackets", email("<ada@acme.test>"), problem("email", domain.RuleFormat)},
		{"email_without_local_part", email("@acme.test"), problem("email", domain.RuleFormat)},
		{"email_without_dotted_domain", email("ada@localhost"), problem("email", domain.RuleFormat)},
		{"email_domain_starting_with_dot", email("ada@.acme.test"), problem("email", domain.RuleFormat)},
		{"email_domain_ending_with_dot", email("ada@acme.test."), problem("email", domain.RuleFormat)},
		{"email_254_bytes", email(strings.Repeat("a", 64) + "@" + strings.Repeat("b", 184) + ".test"), nil},
		{"email_255_bytes", email(strings.Repeat("a", 64) + "@" + strings.Repeat("b", 185) + ".test"), problem("email", domain.RuleFormat)},
		{"email_inside_white_space", email("  ada@acme.test\n"), nil},
		{"password_missing", password(""), problem("password", domain.RuleRequired)},
		{"password_7_bytes", password("1234567"), problem("password", domain.RuleTooShort)},
		{"password_7_bytes_in_4_characters", password("äää1"), problem("password", domain.RuleTooShort)},
		{"password_8_bytes", password("12345678"), nil},
		{"password_8_bytes_in_4_characters", password("ääää"), nil},
		{"password_white_space_counts", password("   1234 "), nil},
		{"password_72_bytes", password(strings.Repeat("a", 72)), nil},
		{"password_72_bytes_in_24_characters", password(strings.Repeat("€", 24)), nil},
		{"password_73_bytes", password(strings.Repeat("a", 73)), problem("password", domain.RuleTooLong)},
		{"password_73_bytes_in_37_characters", password(strings.Repeat("ä", 36) + "a"), problem("password", domain.RuleTooLong)},
		{"every_problem_at_once", domain.UserDraft{Name: " ", Email: "nope", Password: "short"}, []domain.Problem{
			{Field: "name", Rule: domain.RuleRequired},
			{Field: "email", Rule: domain.RuleFormat},
			{Field: "password", Rule: domain.RuleTooShort},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := tt.draft.Validate()
			require.Equal(t, tt.want, problemsOf(t, err))
		})
	}
}

func TestUserDraftValidateTrims(t *testing.T) {
	t.Parallel()
	got, err := domain.UserDraft{Name: "  Ada  ", Email: "\tada@acme.test ", Password: " secret pw "}.Validate()
	require.NoError(t, err)
	require.Equal(t, domain.UserDraft{Name: "Ada", Email: "ada@acme.test", Password: " secret pw "}, got)
}

func TestNewUser(t *testing.T) {
	t.Parallel()
	account := domain.NewID()
	now := fixedTime()
	u := domain.NewUser(account, domain.UserDraft{Name: "Ada", Email: "ada@acme.test", Password: "ignored"}, domain.RoleMember, "hash", now)
	require.NotEqual(t, domain.NilID, u.ID)
	require.Equal(t, account, u.AccountID)
	require.Equal(t, "Ada", u.Name)
	require.Equal(t, "ada@acme.test", u.Email)
	require.Equal(t, domain.RoleMember, u.Role)
	require.Equal(t, "hash", u.PasswordHash)
	require.Equal(t, domain.Timestamp(now), u.CreatedAt)
	require.Equal(t, u.CreatedAt, u.UpdatedAt)
}
