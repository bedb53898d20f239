package tokens_test

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/parley-chat/parley/adapters/tokens"
	"github.com/parley-chat/parley/domain"
)

func TestVerifyCachedToken(t *testing.T) {
	j := tokens.NewJWT(secret, time.Hour)
	issued, err := j.Issue(actor, now)
	require.NoError(t, err)
	first, err := j.Verify(issued.Value, now)
	require.NoError(t, err)

	tests := []struct {
		name  string
		token string
		at    time.Time
		ok    bool
	}{
		{"same_token_again", issued.Value, now.Add(time.Minute), true},
		{"just_before_expiry", issued.Value, issued.ExpiresAt.Add(-time.Nanosecond), true},
		{"at_expiry", issued.Value, issued.ExpiresAt, false},
		{"after_expiry", issued.Value, issued.ExpiresAt.Add(time.Second), false},
		{"tampered_signature", issued.Value[:len(issued.Value)-2] + "xx", now, false},
		{"other_secret", mustIssue(t, tokens.NewJWT([]byte(strings.Repeat("x", 32)), time.Hour)), now, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			claims, err := j.Verify(tt.token, tt.at)
			if !tt.ok {
				require.ErrorIs(t, err, domain.ErrUnauthenticated)
				return
			}
			require.NoError(t, err)
			require.Equal(t, first, claims)
		})
	}
}

func TestVerifyManyTokens(t *testing.T) {
	j := tokens.NewJWT(secret, time.Hour)
	issued := make([]string, 0, 12_000)
	for range cap(issued) {
		issued = append(issued, mustIssue(t, j))
	}
	for _, token := range issued {
		_, err := j.Verify(token, now)
		require.NoError(t, err)
	}
	for _, token := range issued {
		claims, err := j.Verify(token, now.Add(time.Minute))
		require.NoError(t, err)
		require.Equal(t, actor, claims.Actor)
	}
}

func mustIssue(t *testing.T, j *tokens.JWT) string {
	t.Helper()
	issued, err := j.Issue(actor, now)
	require.NoError(t, err)
	return issued.Value
}
