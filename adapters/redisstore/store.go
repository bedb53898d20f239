// Package redisstore keeps rate-limit counters in Redis, so that every replica
// of Parley draws on one budget per client.
package redisstore

import (
	"context"
	"fmt"
	"time"

	"github.com/redis/go-redis/v9"
	"github.com/ulule/limiter/v3"
	limiterredis "github.com/ulule/limiter/v3/drivers/store/redis"
)

// Store is a rate-limit counter store backed by Redis. It embeds the
// limiter.Store that the HTTP adapter's rate-limit middleware consumes.
type Store struct {
	limiter.Store
	client *redis.Client
}

// Open connects to the Redis server named by url (redis:// or rediss://),
// checks that it answers within timeout, and returns the store. Keys are
// prefixed with prefix so several services can share one Redis.
func Open(ctx context.Context, url, prefix string, timeout time.Duration) (*Store, error) {
	opts, err := redis.ParseURL(url)
	if err != nil {
		return nil, fmt.Errorf("parse redis url: %w", err)
	}
	opts.DialTimeout = timeout
	opts.ReadTimeout = timeout
	opts.WriteTimeout = timeout
	client := redis.NewClient(opts)
	pingCtx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	if err := client.Ping(pingCtx).Err(); err != nil {
		_ = client.Close()
		return nil, fmt.Errorf("ping redis: %w", err)
	}
	store, err := limiterredis.NewStoreWithOptions(client, limiter.StoreOptions{Prefix: prefix})
	if err != nil {
		_ = client.Close()
		return nil, fmt.Errorf("create rate-limit store: %w", err)
	}
	return &Store{Store: store, client: client}, nil
}

// Ping reports whether Redis answers.
func (s *Store) Ping(ctx context.Context) error {
	return s.client.Ping(ctx).Err()
}

// Close releases the connection pool.
func (s *Store) Close() error {
	return s.client.Close()
}

var _ limiter.Store = (*Store)(nil)
