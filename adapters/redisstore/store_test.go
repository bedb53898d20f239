package redisstore_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"github.com/ulule/limiter/v3"

	"github.com/parley-chat/parley/adapters/redisstore"
	"github.com/parley-chat/parley/test/testenv"
)

func TestStoreSharesOneBudget(t *testing.T) {
	url := testenv.RedisURL(t)
	ctx := context.Background()
	prefix := "parley-test-" + time.Now().Format("150405.000000000")
	// Two stores stand for two replicas: they must draw on one budget.
	a, err := redisstore.Open(ctx, url, prefix, 2*time.Second)
	require.NoError(t, err)
	defer func() { _ = a.Close() }()
	b, err := redisstore.Open(ctx, url, prefix, 2*time.Second)
	require.NoError(t, err)
	defer func() { _ = b.Close() }()
	require.NoError(t, a.Ping(ctx))

	rate := limiter.Rate{Period: time.Minute, Limit: 5}
	for i := range 5 {
		s := a
		if i%2 == 1 {
			s = b
		}
		c, err := s.Get(ctx, "203.0.113.7", rate)
		require.NoError(t, err)
		require.False(t, c.Reached, "request %d", i+1)
		require.Equal(t, int64(5-i-1), c.Remaining)
	}
	c, err := b.Get(ctx, "203.0.113.7", rate)
	require.NoError(t, err)
	require.True(t, c.Reached)
	other, err := a.Get(ctx, "198.51.100.1", rate)
	require.NoError(t, err)
	require.False(t, other.Reached, "another client has its own budget")
}

func TestOpenFailsClearly(t *testing.T) {
	_, err := redisstore.Open(context.Background(), "redis://127.0.0.1:1/0", "x", 200*time.Millisecond)
	require.ErrorContains(t, err, "ping redis")
	_, err = redisstore.Open(context.Background(), "http://nope", "x", time.Second)
	require.ErrorContains(t, err, "parse redis url")
}
