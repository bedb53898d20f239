package domain_test

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/parley-chat/parley/domain"
)

// fixedTime is a moment with nanoseconds and a non-UTC zone, so that tests see
// whether constructors normalise it.
func fixedTime() time.Time {
	return time.Date(2026, 3, 14, 15, 9, 26, 535897932, time.FixedZone("CET", 3600))
}

func TestNewAccount(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		input    string
		wantName string
		want     []domain.Problem
	}{
		{"valid", "Acme", "Acme", nil},
		{"trimmed", "  Acme GmbH \n", "Acme GmbH", nil},
		{"100_multibyte_characters", strings.Repeat("ß", 100), strings.Repeat("ß", 100), nil},
		{"missing", "", "", problem("account_name", domain.RuleRequired)},
		{"only_white_space", " \t ", "", problem("account_name", domain.RuleRequired)},
		{"101_multibyte_characters", strings.Repeat("ß", 101), "", problem("account_name", domain.RuleTooLong)},
		{"bell", "Acme\a", "", problem("account_name", domain.RuleCharacters)},
		{"nul", "A\x00", "", problem("account_name", domain.RuleCharacters)},
		{"right_to_left_override", "Acme\u202eXYZ", "", problem("account_name", domain.RuleCharacters)},
		{"invalid_utf8", "Acme\xff", "", problem("account_name", domain.RuleCharacters)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			now := fixedTime()
			a, err := domain.NewAccount(tt.input, now)
			require.Equal(t, tt.want, problemsOf(t, err))
			if tt.want != nil {
				return
			}
			require.Equal(t, tt.wantName, a.Name)
			require.NotEqual(t, domain.NilID, a.ID)
			require.Equal(t, time.UTC, a.CreatedAt.Location())
			require.Equal(t, now.Truncate(time.Microsecond).UTC(), a.CreatedAt)
			require.Equal(t, a.CreatedAt, a.UpdatedAt)
		})
	}
}

func TestTimestamp(t *testing.T) {
	t.Parallel()
	got := domain.Timestamp(fixedTime())
	require.Equal(t, time.UTC, got.Location())
	require.Equal(t, 535897000, got.Nanosecond())
	require.True(t, got.Equal(fixedTime().Truncate(time.Microsecond)))
}
