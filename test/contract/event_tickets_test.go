package contract_test

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/parley-chat/parley/domain"
)

func TestEventTicketRepository(t *testing.T) {
	eachLane(t, func(t *testing.T, p ports) {
		ctx := context.Background()
		ticket := func(hash string, expiresIn time.Duration) domain.EventTicket {
			return domain.EventTicket{
				Hash:           hash,
				Actor:          domain.Actor{AccountID: domain.NewID(), UserID: domain.NewID(), Role: domain.RoleMember},
				TokenID:        "token-" + hash,
				TokenIssuedAt:  base.Add(-time.Minute),
				TokenExpiresAt: base.Add(time.Hour),
				ExpiresAt:      base.Add(expiresIn),
			}
		}

		t.Run("redeem_returns_the_ticket_once", func(t *testing.T) {
			want := ticket("once", time.Minute)
			require.NoError(t, p.tickets.Save(ctx, want))
			got, err := p.tickets.Redeem(ctx, "once", base)
			require.NoError(t, err)
			require.Equal(t, want, got)
			_, err = p.tickets.Redeem(ctx, "once", base)
			require.ErrorIs(t, err, domain.ErrNotFound, "a used ticket is gone")
		})
		t.Run("unknown_and_expired_are_not_found", func(t *testing.T) {
			_, err := p.tickets.Redeem(ctx, "never-issued", base)
			require.ErrorIs(t, err, domain.ErrNotFound)
			require.NoError(t, p.tickets.Save(ctx, ticket("late", time.Minute)))
			_, err = p.tickets.Redeem(ctx, "late", base.Add(time.Minute))
			require.ErrorIs(t, err, domain.ErrNotFound, "a ticket expiring now is expired")
		})
		t.Run("concurrent_redemptions_get_it_once", func(t *testing.T) {
			require.NoError(t, p.tickets.Save(ctx, ticket("race", time.Minute)))
			var won atomic.Int32
			var wg sync.WaitGroup
			for range 8 {
				wg.Add(1)
				go func() {
					defer wg.Done()
					if _, err := p.tickets.Redeem(ctx, "race", base); err == nil {
						won.Add(1)
					} else {
						require.ErrorIs(t, err, domain.ErrNotFound)
					}
				}()
			}
			wg.Wait()
			require.Equal(t, int32(1), won.Load())
		})
		t.Run("delete_expired_keeps_live_tickets", func(t *testing.T) {
			require.NoError(t, p.tickets.Save(ctx, ticket("old", time.Second)))
			require.NoError(t, p.tickets.Save(ctx, ticket("live", time.Hour)))
			require.NoError(t, p.tickets.DeleteExpired(ctx, base.Add(time.Minute)))
			_, err := p.tickets.Redeem(ctx, "live", base)
			require.NoError(t, err)
			_, err = p.tickets.Redeem(ctx, "old", base)
			require.ErrorIs(t, err, domain.ErrNotFound, "the purge removed the expired ticket")
		})
	})
}
