package middleware

import (
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/prometheus/client_golang/prometheus"
)

// CountRequests counts and times every request by method, route template
// and final status. Put it outside recovery, so that a panic is counted with
// the 500 it becomes.
func CountRequests(m *Metrics) gin.HandlerFunc {
	return func(c *gin.Context) {
		start := time.Now()
		m.inFlight.Inc()
		defer m.inFlight.Dec()
		c.Next()
		route := c.FullPath()
		if route == "" {
			route = unmatchedRoute
		}
		s := m.seriesOf(methodLabel(c.Request.Method), route, c.Writer.Status())
		s.requests.Inc()
		// A stream lasts as long as its client stays: its duration says
		// nothing about how fast requests are served, and the event metrics
		// count streams themselves.
		if !strings.HasPrefix(c.Writer.Header().Get("Content-Type"), eventStream) {
			s.duration.Observe(time.Since(start).Seconds())
		}
	}
}

// seriesKey names the series of one method, route template and status.
type seriesKey struct {
	method, route string
	status        int
}

// series are the resolved counter and histogram of one seriesKey.
type series struct {
	requests prometheus.Counter
	duration prometheus.Observer
}

// seriesOf returns the series of a request, resolving the label values only
// the first time: WithLabelValues hashes the values and formats the status
// on every call. The keys are bounded as the labels are (standard methods,
// route templates, statuses).
func (m *Metrics) seriesOf(method, route string, status int) series {
	key := seriesKey{method: method, route: route, status: status}
	m.resolvedMu.RLock()
	s, ok := m.resolved[key]
	m.resolvedMu.RUnlock()
	if ok {
		return s
	}
	code := strconv.Itoa(status)
	s = series{requests: m.requests.WithLabelValues(method, route, code),
		duration: m.duration.WithLabelValues(method, route, code)}
	m.resolvedMu.Lock()
	m.resolved[key] = s
	m.resolvedMu.Unlock()
	return s
}

// Serve answers the scrape in the Prometheus exposition format.
func (m *Metrics) Serve(c *gin.Context) {
	m.handler.ServeHTTP(c.Writer, c.Request)
}
