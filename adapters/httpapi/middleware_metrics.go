package httpapi

import (
	"strconv"
	"time"

	"github.com/gin-gonic/gin"
)

// metricsMiddleware counts and times every request by method, route
// template and final status. It wraps recovery, so a panic is counted with
// the 500 it becomes.
func metricsMiddleware(m *Metrics) gin.HandlerFunc {
	return func(c *gin.Context) {
		start := time.Now()
		m.inFlight.Inc()
		defer m.inFlight.Dec()
		c.Next()
		route := c.FullPath()
		if route == "" {
			route = unmatchedRoute
		}
		method := methodLabel(c.Request.Method)
		status := strconv.Itoa(c.Writer.Status())
		m.requests.WithLabelValues(method, route, status).Inc()
		m.duration.WithLabelValues(method, route, status).Observe(time.Since(start).Seconds())
	}
}

// serveMetrics answers the scrape in the Prometheus exposition format.
func (m *Metrics) serveMetrics(c *gin.Context) {
	m.handler.ServeHTTP(c.Writer, c.Request)
}
