package contract_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/parley-chat/parley/domain"
)

func TestRevokedTokenRepository(t *testing.T) {
	eachLane(t, func(t *testing.T, p ports) {
		ctx := context.Background()
		tok := func(id string, revokedAt, expiresIn time.Duration) domain.RevokedToken {
			return domain.RevokedToken{ID: id, RevokedAt: base.Add(revokedAt), ExpiresAt: base.Add(revokedAt + expiresIn)}
		}
		b := tok("b", time.Second, time.Hour)
		a := tok("a", time.Second, time.Hour)
		c := tok("c", 2*time.Second, time.Hour)
		short := tok("short", 0, time.Minute)
		for _, token := range []domain.RevokedToken{b, a, c, short} {
			require.NoError(t, p.revoked.Revoke(ctx, token))
		}

		t.Run("revoke_is_idempotent", func(t *testing.T) {
			again := a
			again.RevokedAt = base.Add(time.Hour)
			require.NoError(t, p.revoked.Revoke(ctx, again))
			got, err := p.revoked.RevokedSince(ctx, time.Time{}, base)
			require.NoError(t, err)
			require.Equal(t, []domain.RevokedToken{short, a, b, c}, got, "the first record stays")
		})
		t.Run("since_is_inclusive_and_ordered", func(t *testing.T) {
			got, err := p.revoked.RevokedSince(ctx, base.Add(time.Second), base)
			require.NoError(t, err)
			require.Equal(t, []domain.RevokedToken{a, b, c}, got)
		})
		t.Run("expired_tokens_are_left_out", func(t *testing.T) {
			got, err := p.revoked.RevokedSince(ctx, time.Time{}, base.Add(30*time.Minute))
			require.NoError(t, err)
			require.Equal(t, []domain.RevokedToken{a, b, c}, got)
			got, err = p.revoked.RevokedSince(ctx, time.Time{}, short.ExpiresAt)
			require.NoError(t, err)
			require.Equal(t, []domain.RevokedToken{a, b, c}, got, "a token expiring now is expired")
		})
		t.Run("delete_expired", func(t *testing.T) {
			require.NoError(t, p.revoked.DeleteExpired(ctx, base.Add(30*time.Minute)))
			got, err := p.revoked.RevokedSince(ctx, time.Time{}, base)
			require.NoError(t, err)
			require.Equal(t, []domain.RevokedToken{a, b, c}, got)
		})
	})
}
