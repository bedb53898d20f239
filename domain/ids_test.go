package domain_test

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/parley-chat/parley/domain"
)

// uuidOf parses a canonical id or fails the test.
func uuidOf(t *testing.T, s string) domain.ID {
	t.Helper()
	id, err := domain.ParseID(s)
	require.NoError(t, err)
	return id
}

func TestParseID(t *testing.T) {
	t.Parallel()
	const canonical = "0190f6a2-7b3c-7d4e-8f10-1a2b3c4d5e6f"
	tests := []struct {
		name  string
		input string
		ok    bool
	}{
		{"canonical", canonical, true},
		{"upper_case", "0190F6A2-7B3C-7D4E-8F10-1A2B3C4D5E6F", true},
		{"empty", "", false},
		{"without_dashes", "0190f6a27b3c7d4e8f101a2b3c4d5e6f", false},
		{"braces", "{" + canonical + "}", false},
		{"urn", "urn:uuid:" + canonical, false},
		{"trailing_space", canonical + " ", false},
		{"right_length_not_hex", "0190f6a2-7b3c-7d4e-8f10-1a2b3c4d5e6g", false},
		{"dash_misplaced", "0190f6a27-b3c-7d4e-8f10-1a2b3c4d5e6f", false},
		{"not_an_id", "me", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			id, err := domain.ParseID(tt.input)
			if !tt.ok {
				require.ErrorIs(t, err, domain.ErrInvalidID)
				require.Equal(t, domain.NilID, id)
				return
			}
			require.NoError(t, err)
			require.Equal(t, canonical, id.String())
		})
	}
}

func TestNewID(t *testing.T) {
	t.Parallel()
	a, b := domain.NewID(), domain.NewID()
	require.NotEqual(t, a, b)
	require.Equal(t, 7, int(a.Version()), "ids are time-ordered UUIDv7")
	require.LessOrEqual(t, bytes.Compare(a[:6], b[:6]), 0, "a later id never sorts before an earlier one by its time prefix")
}
