package middleware

import (
	"errors"
	"sync"
	"time"

	"github.com/ulule/limiter/v3"
	"go.uber.org/zap"
)

// storeWarnInterval spaces the warnings about a failing counter store: when
// Redis is down every request fails the same way, and one line per interval
// says as much as one per request.
const storeWarnInterval = 10 * time.Second

// RateLimitConfig sets the rate-limit budgets the OpenAPI document
// (adapters/httpapi/apidocs/openapi.json) describes.
type RateLimitConfig struct {
	// Store keeps the counters: in process memory for one replica, in Redis
	// when replicas share one budget.
	Store limiter.Store
	// Overall is every client's budget across all limited routes.
	Overall limiter.Rate
	// Auth is the further budget on the routes the router marks
	// RouteAuth (sign-up and sign-in), which also count against Overall.
	Auth limiter.Rate
}

// RateLimiter counts requests per client address against the configured
// budgets. When the store fails it lets requests through.
type RateLimiter struct {
	store   limiter.Store
	overall limiter.Rate
	auth    limiter.Rate
	logger  *zap.Logger

	mu         sync.Mutex
	lastWarn   time.Time
	suppressed int
}

// NewRateLimiter returns a rate limiter over cfg; both rates need a positive
// limit and period.
func NewRateLimiter(cfg RateLimitConfig, logger *zap.Logger) (*RateLimiter, error) {
	if cfg.Store == nil {
		return nil, errors.New("rate-limit store is missing")
	}
	for _, r := range []limiter.Rate{cfg.Overall, cfg.Auth} {
		if r.Limit <= 0 || r.Period <= 0 {
			return nil, errors.New("rate limits need a positive limit and period")
		}
	}
	if logger == nil {
		logger = zap.NewNop()
	}
	return &RateLimiter{store: cfg.Store, overall: cfg.Overall, auth: cfg.Auth, logger: logger}, nil
}

// warnStoreFailure logs a failure of the store, at most once per
// storeWarnInterval, with the number of failures left unlogged since.
func (r *RateLimiter) warnStoreFailure(err error) {
	r.mu.Lock()
	now := time.Now()
	if now.Sub(r.lastWarn) < storeWarnInterval {
		r.suppressed++
		r.mu.Unlock()
		return
	}
	suppressed := r.suppressed
	r.lastWarn, r.suppressed = now, 0
	r.mu.Unlock()
	r.logger.Warn("rate-limit store failed; serving without limits",
		zap.Error(err), zap.Int("failures_not_logged", suppressed))
}
