package bootstrap

import (
	"context"
	"fmt"
	"time"

	"github.com/ulule/limiter/v3"
	"github.com/ulule/limiter/v3/drivers/store/memory"
	"go.uber.org/fx"
	"go.uber.org/zap"

	"github.com/parley-chat/parley/adapters/httpapi/middleware"
	"github.com/parley-chat/parley/adapters/redisstore"
	"github.com/parley-chat/parley/config"
)

const (
	// redisTimeout bounds every Redis call; a slow Redis then costs a
	// request at most this long before it is served without limits.
	redisTimeout = time.Second
	// defaultRateLimitPrefix starts every rate-limit key, so that Parley can
	// share a Redis with other services.
	defaultRateLimitPrefix = "parley:ratelimit"
)

// rateLimitPrefix is the key prefix of the rate-limit counters.
type rateLimitPrefix string

func rateLimitModule() fx.Option {
	return fx.Module("ratelimit",
		fx.Provide(
			func() rateLimitPrefix { return defaultRateLimitPrefix },
			provideRateLimiter,
		),
	)
}

// provideRateLimiter returns nil when rate limits are switched off. With a
// Redis URL the counters live in Redis, shared by every replica; a Redis that
// does not answer at start stops the start, while one that fails later only
// lets requests through unlimited.
func provideRateLimiter(lc fx.Lifecycle, cfg config.Config, prefix rateLimitPrefix, logger *zap.Logger) (*middleware.RateLimiter, error) {
	logger = logger.Named("ratelimit")
	if !cfg.RateLimitEnabled {
		logger.Info("rate limits are switched off")
		return nil, nil
	}
	store, err := openRateLimitStore(lc, cfg.RedisURL, string(prefix))
	if err != nil {
		return nil, err
	}
	return middleware.NewRateLimiter(middleware.RateLimitConfig{
		Store:   store,
		Overall: limiter.Rate{Limit: cfg.RateLimit.Limit, Period: cfg.RateLimit.Period},
		Auth:    limiter.Rate{Limit: cfg.RateLimitAuth.Limit, Period: cfg.RateLimitAuth.Period},
	}, logger)
}

func openRateLimitStore(lc fx.Lifecycle, redisURL, prefix string) (limiter.Store, error) {
	if redisURL == "" {
		return memory.NewStoreWithOptions(limiter.StoreOptions{
			Prefix:          prefix,
			CleanUpInterval: limiter.DefaultCleanUpInterval,
		}), nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), openTimeout)
	defer cancel()
	store, err := redisstore.Open(ctx, redisURL, prefix, redisTimeout)
	if err != nil {
		return nil, fmt.Errorf("open rate-limit store: %w", err)
	}
	lc.Append(fx.StopHook(store.Close))
	return store, nil
}

// WithRateLimitKeyPrefix replaces the prefix of the rate-limit keys. Tests
// sharing one Redis add it to Options so that each run counts on its own.
func WithRateLimitKeyPrefix(prefix string) fx.Option {
	return fx.Decorate(func(rateLimitPrefix) rateLimitPrefix { return rateLimitPrefix(prefix) })
}
