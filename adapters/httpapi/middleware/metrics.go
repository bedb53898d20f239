package middleware

import (
	"errors"
	"fmt"
	"net/http"
	"sync"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// unmatchedRoute labels requests that matched no route, so that scanners
// cannot mint a label value per probed path.
const unmatchedRoute = "unmatched"

// Metrics holds the HTTP edge's Prometheus series and serves everything
// registered in its registry.
type Metrics struct {
	handler       http.Handler
	requests      *prometheus.CounterVec
	duration      *prometheus.HistogramVec
	inFlight      prometheus.Gauge
	storeFailures prometheus.Counter

	resolvedMu sync.RWMutex
	resolved   map[seriesKey]series
}

// NewMetrics registers the HTTP series in reg and returns them; the
// metrics endpoint serves whatever else reg holds too (runtime, process and
// database collectors).
func NewMetrics(reg *prometheus.Registry) (*Metrics, error) {
	if reg == nil {
		return nil, errors.New("metrics registry is missing")
	}
	labels := []string{"method", "route", "status"}
	m := &Metrics{
		resolved: map[seriesKey]series{},
		handler:  promhttp.HandlerFor(reg, promhttp.HandlerOpts{}),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "parley_http_requests_total",
			Help: "HTTP requests answered, by method, route template and status.",
		}, labels),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "parley_http_request_duration_seconds",
			Help:    "Time from receiving a request to its response, by method, route template and status.",
			Buckets: prometheus.DefBuckets,
		}, labels),
		inFlight: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "parley_http_requests_in_flight",
			Help: "HTTP requests being served right now.",
		}),
		storeFailures: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "parley_rate_limit_store_failures_total",
			Help: "Requests served without rate limiting because the counter store failed.",
		}),
	}
	for _, c := range []prometheus.Collector{m.requests, m.duration, m.inFlight, m.storeFailures} {
		if err := reg.Register(c); err != nil {
			return nil, fmt.Errorf("register http metrics: %w", err)
		}
	}
	return m, nil
}

// countRateLimitStoreFailure records one request let through because the
// counter store failed.
func (m *Metrics) countRateLimitStoreFailure() {
	m.storeFailures.Inc()
}

// methodLabel keeps the method label to the standard methods, so that a
// client sending made-up methods cannot grow the series without bound.
func methodLabel(method string) string {
	switch method {
	case http.MethodGet, http.MethodHead, http.MethodPost, http.MethodPut, http.MethodPatch,
		http.MethodDelete, http.MethodOptions, http.MethodConnect, http.MethodTrace:
		return method
	default:
		return "other"
	}
}
