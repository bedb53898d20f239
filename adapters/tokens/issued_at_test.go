package tokens_test

import (
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/stretchr/testify/require"

	"github.com/parley-chat/parley/adapters/tokens"
)

func TestIssuedAtKeepsMilliseconds(t *testing.T) {
	j := tokens.NewJWT(secret, time.Hour)
	at := now.Add(1234567 * time.Microsecond)
	issued, err := j.Issue(actor, at)
	require.NoError(t, err)
	claims, err := j.Verify(issued.Value, at)
	require.NoError(t, err)
	require.Equal(t, at.Truncate(time.Millisecond), claims.IssuedAt)
	require.EqualValues(t, at.UnixMilli(), decodeSegment(t, issued.Value, 1)["iat_ms"])
}

func TestIssuedAtFallsBackToIat(t *testing.T) {
	j := tokens.NewJWT(secret, time.Hour)
	withIat := validClaims()
	claims, err := j.Verify(sign(t, jwt.SigningMethodHS256, secret, withIat), now)
	require.NoError(t, err)
	require.Equal(t, now, claims.IssuedAt, "a token without iat_ms uses iat")

	withoutIat := validClaims()
	delete(withoutIat, "iat")
	claims, err = j.Verify(sign(t, jwt.SigningMethodHS256, secret, withoutIat), now)
	require.NoError(t, err)
	require.True(t, claims.IssuedAt.IsZero(), "no issue time at all is the zero time, which every cutoff refuses")
}
