package httpapi

import (
	"github.com/parley-chat/parley/adapters/httpapi/apidocs"
	"github.com/parley-chat/parley/adapters/httpapi/middleware"
)

// MetricsPath is where the Prometheus metrics are served.
const MetricsPath = "/metrics"

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

// rateLimitClass tells the rate limiter which budgets a route template
// draws on; an unmatched path ("") draws on the overall budget.
func rateLimitClass(route string) middleware.RouteClass {
	switch {
	case unlimitedRoutes[route]:
		return middleware.RouteUnlimited
	case authRoutes[route]:
		return middleware.RouteAuth
	default:
		return middleware.RouteOverall
	}
}
