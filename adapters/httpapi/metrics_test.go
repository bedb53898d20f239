package httpapi

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/gin-gonic/gin"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/stretchr/testify/require"
	"go.uber.org/zap"

	"github.com/parley-chat/parley/adapters/httpapi/middleware"
)

func TestMetrics(t *testing.T) {
	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector())
	metrics, err := middleware.NewMetrics(reg)
	require.NoError(t, err)
	api := newLimitedAPI(t, nil, nil, metrics)
	api.engine = api.limited
	ada := api.signUp(t, "Ada Lovelace", "ada@acme.test")
	api.limited.GET("/api/v1/boom", func(*gin.Context) { panic("boom") })

	require.Equal(t, http.StatusOK, api.do(t, call{method: http.MethodGet, path: "/api/v1/users/" + ada.id, token: ada.token}).status)
	require.Equal(t, http.StatusOK, api.do(t, call{method: http.MethodGet, path: "/api/v1/users/" + ada.id, token: ada.token}).status)
	require.Equal(t, http.StatusNotFound, api.do(t, call{method: http.MethodGet, path: "/api/v1/no/" + ada.id}).status)
	require.Equal(t, http.StatusMethodNotAllowed, api.do(t, call{method: "BREW", path: "/api/v1/users/" + ada.id}).status)
	require.Equal(t, http.StatusInternalServerError, api.do(t, call{method: http.MethodGet, path: "/api/v1/boom"}).status)

	rec := httptest.NewRecorder()
	api.limited.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, MetricsPath, nil))
	require.Equal(t, http.StatusOK, rec.Code)
	require.Contains(t, rec.Header().Get("Content-Type"), "text/plain")
	scrape := rec.Body.String()
	for _, series := range []string{
		`parley_http_requests_total{method="POST",route="/api/v1/sign_up",status="201"} 1`,
		`parley_http_requests_total{method="GET",route="/api/v1/users/:id",status="200"} 2`,
		`parley_http_requests_total{method="GET",route="unmatched",status="404"} 1`,
		`parley_http_requests_total{method="other",route="unmatched",status="405"} 1`,
		`parley_http_requests_total{method="GET",route="/api/v1/boom",status="500"} 1`,
		`parley_http_request_duration_seconds_count{method="GET",route="/api/v1/users/:id",status="200"} 2`,
		`parley_http_request_duration_seconds_bucket{method="GET",route="/api/v1/users/:id",status="200",le="+Inf"} 2`,
		// The scrape itself is in flight while it is written.
		"parley_http_requests_in_flight 1",
		"parley_rate_limit_store_failures_total 0",
	} {
		require.Contains(t, strings.Split(scrape, "\n"), series)
	}
	require.Contains(t, scrape, "\ngo_goroutines ", "collectors registered beside the HTTP series are served too")
	require.NotContains(t, scrape, ada.id, "a raw id must never become a label value")
	require.NotContains(t, scrape, "BREW")
}

func TestNewMetricsRefusesASharedRegistration(t *testing.T) {
	reg := prometheus.NewRegistry()
	_, err := middleware.NewMetrics(reg)
	require.NoError(t, err)
	_, err = middleware.NewMetrics(reg)
	require.Error(t, err, "a second set of the same series in one registry")
	_, err = middleware.NewMetrics(nil)
	require.Error(t, err)
}

func TestRouterServesMetricsWithoutConfiguredRegistry(t *testing.T) {
	api := newTestAPI(t)
	engine, err := NewRouter(api.uc(t), RouterConfig{CursorSecret: []byte("s")}, NewReadiness(nil), zap.NewNop())
	require.NoError(t, err)
	rec := httptest.NewRecorder()
	engine.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, MetricsPath, nil))
	require.Equal(t, http.StatusOK, rec.Code)
	require.Contains(t, rec.Body.String(), "parley_http_requests_in_flight")
}
