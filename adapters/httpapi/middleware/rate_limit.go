package middleware

import (
	"net/http"
	"strconv"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/ulule/limiter/v3"

	"github.com/parley-chat/parley/adapters/httpapi/jsonapi"
)

// Rate-limit response headers.
const (
	HeaderRetryAfter         = "Retry-After"
	HeaderRateLimitLimit     = "RateLimit-Limit"
	HeaderRateLimitRemaining = "RateLimit-Remaining"
	HeaderRateLimitReset     = "RateLimit-Reset"
)

// Code and detail key of the 429 answer of a spent budget.
const (
	CodeRateLimited = "rate_limited"
	KeyRateLimited  = "rate_limited"
)

// RouteBudgets says which budgets a request to a route template draws on;
// the router decides, so that this package names no route.
type RouteBudgets func(route string) RouteClass

// RouteClass is how a route is limited.
type RouteClass int

const (
	// RouteOverall routes draw on the overall budget only.
	RouteOverall RouteClass = iota
	// RouteUnlimited routes are never throttled.
	RouteUnlimited
	// RouteAuth routes draw on the Auth budget as well as the overall one.
	RouteAuth
)

// budget is one counter a request draws on.
type budget struct {
	key  string
	rate limiter.Rate
}

// RateLimit draws each request on its client's budgets and answers 429 once
// one is spent. Unmatched paths count too, so probing for routes is limited
// like anything else. A failing store lets the request through.
func RateLimit(rl *RateLimiter, m *Metrics, classOf RouteBudgets, fail Fail) gin.HandlerFunc {
	return func(c *gin.Context) {
		class := classOf(c.FullPath())
		if class == RouteUnlimited {
			c.Next()
			return
		}
		client := c.ClientIP()
		budgets := []budget{{"all:" + client, rl.overall}}
		if class == RouteAuth {
			budgets = append(budgets, budget{"auth:" + client, rl.auth})
		}
		var shown limiter.Context
		for i, b := range budgets {
			got, err := rl.store.Get(c.Request.Context(), b.key, b.rate)
			if err != nil {
				m.countRateLimitStoreFailure()
				rl.warnStoreFailure(err)
				c.Next()
				return
			}
			// The headers describe the budget closest to running out.
			if i == 0 || got.Reached || got.Remaining < shown.Remaining {
				shown = got
			}
			if got.Reached {
				writeRateLimitHeaders(c, shown)
				c.Header(HeaderRetryAfter, strconv.FormatInt(max(1, secondsUntil(shown.Reset)), 10))
				fail(c, ErrRateLimited())
				return
			}
		}
		writeRateLimitHeaders(c, shown)
		c.Next()
	}
}

// ErrRateLimited is the 429 answer of a spent budget.
func ErrRateLimited() error {
	return &jsonapi.Problem{Status: http.StatusTooManyRequests, Code: CodeRateLimited, Key: KeyRateLimited}
}

func writeRateLimitHeaders(c *gin.Context, lc limiter.Context) {
	c.Header(HeaderRateLimitLimit, strconv.FormatInt(lc.Limit, 10))
	c.Header(HeaderRateLimitRemaining, strconv.FormatInt(lc.Remaining, 10))
	c.Header(HeaderRateLimitReset, strconv.FormatInt(secondsUntil(lc.Reset), 10))
}

// secondsUntil returns the whole seconds from now to the Unix time reset,
// never less than zero.
func secondsUntil(reset int64) int64 {
	return max(0, reset-time.Now().Unix())
}
