package httpapi

import (
	"net/http"
	"strconv"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/ulule/limiter/v3"
	"go.uber.org/zap"

	"github.com/parley-chat/parley/adapters/httpapi/apidocs"
)

// Rate-limit response headers.
const (
	headerRetryAfter         = "Retry-After"
	headerRateLimitLimit     = "RateLimit-Limit"
	headerRateLimitRemaining = "RateLimit-Remaining"
	headerRateLimitReset     = "RateLimit-Reset"
)

// unlimitedRoutes are never throttled: probes must answer whatever a client
// does, and the metrics and documents cost next to nothing.
var unlimitedRoutes = map[string]bool{
	HealthPath:                    true,
	ReadyPath:                     true,
	MetricsPath:                   true,
	apidocs.SpecPath:              true,
	apidocs.PagePath:              true,
	apidocs.AssetsPath + ":asset": true,
}

// authRoutes draw on the Auth budget as well as the overall one.
var authRoutes = map[string]bool{"/api/v1/sign_up": true, "/api/v1/sign_in": true}

// budget is one counter a request draws on.
type budget struct {
	key  string
	rate limiter.Rate
}

// rateLimitMiddleware draws each request on its client's budgets and answers
// 429 once one is spent. Unmatched paths count too, so probing for routes
// is limited like anything else. A failing store lets the request through.
func rateLimitMiddleware(rl *RateLimiter, m *Metrics, logger *zap.Logger) gin.HandlerFunc {
	return func(c *gin.Context) {
		route := c.FullPath()
		if unlimitedRoutes[route] {
			c.Next()
			return
		}
		client := c.ClientIP()
		budgets := []budget{{"all:" + client, rl.overall}}
		if authRoutes[route] {
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
				c.Header(headerRetryAfter, strconv.FormatInt(max(1, secondsUntil(shown.Reset)), 10))
				abortWithError(c, logger, errRateLimited)
				return
			}
		}
		writeRateLimitHeaders(c, shown)
		c.Next()
	}
}

// errRateLimited is the 429 answer of a spent budget.
var errRateLimited = reject(http.StatusTooManyRequests, codeRateLimited, message{key: msgRateLimited}, "")

func writeRateLimitHeaders(c *gin.Context, lc limiter.Context) {
	c.Header(headerRateLimitLimit, strconv.FormatInt(lc.Limit, 10))
	c.Header(headerRateLimitRemaining, strconv.FormatInt(lc.Remaining, 10))
	c.Header(headerRateLimitReset, strconv.FormatInt(secondsUntil(lc.Reset), 10))
}

// secondsUntil returns the whole seconds from now to the Unix time reset,
// never less than zero.
func secondsUntil(reset int64) int64 {
	return max(0, reset-time.Now().Unix())
}
