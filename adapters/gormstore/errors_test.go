package gormstore_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/parley-chat/parley/adapters/gormstore"
	"github.com/parley-chat/parley/domain"
)

func TestUnavailable(t *testing.T) {
	t.Run("unreachable_postgres", func(t *testing.T) {
		_, err := gormstore.Open(context.Background(), gormstore.Options{
			URL: "postgres://postgres@127.0.0.1:1/parley?sslmode=disable&connect_timeout=2", QueryTimeout: 2 * time.Second,
		})
		require.ErrorIs(t, err, domain.ErrUnavailable)
	})
	for _, d := range dialects {
		t.Run(d+"_cancelled_call", func(t *testing.T) {
			s := migrated(t, d, gormstore.Options{})
			ctx, cancel := context.WithCancel(context.Background())
			cancel()
			_, err := gormstore.NewUsers(s).ByEmail(ctx, "ada@x.test")
			require.ErrorIs(t, err, domain.ErrUnavailable)
			require.ErrorIs(t, s.Ping(ctx), domain.ErrUnavailable)
		})
	}
}
