package httpapi

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/stretchr/testify/require"
	"github.com/ulule/limiter/v3"
	"github.com/ulule/limiter/v3/drivers/store/memory"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
	"go.uber.org/zap/zaptest/observer"

	"github.com/parley-chat/parley/adapters/httpapi/jsonapi"
	"github.com/parley-chat/parley/adapters/httpapi/middleware"
)

const wrongSignIn = `{"data":{"type":"session","attributes":{"email":"nobody@acme.test","password":"wrong password"}}}`

// limitedAPI is a router with rate limits over the fake world.
type limitedAPI struct {
	*testAPI
	limited *gin.Engine
}

func newLimitedAPI(t *testing.T, rl *middleware.RateLimiter, proxies []string, metrics *middleware.Metrics) *limitedAPI {
	t.Helper()
	api := newTestAPI(t)
	engine, err := NewRouter(api.uc(t), RouterConfig{CursorSecret: []byte("test secret"), TrustedProxies: proxies,
		RateLimiter: rl, Metrics: metrics}, NewReadiness(nil), zap.NewNop())
	require.NoError(t, err)
	return &limitedAPI{testAPI: api, limited: engine}
}

func newMemoryLimiter(t *testing.T, overall, auth int64) *middleware.RateLimiter {
	t.Helper()
	rl, err := middleware.NewRateLimiter(middleware.RateLimitConfig{
		Store:   memory.NewStoreWithOptions(limiter.StoreOptions{Prefix: "test", CleanUpInterval: time.Minute}),
		Overall: limiter.Rate{Limit: overall, Period: time.Minute},
		Auth:    limiter.Rate{Limit: auth, Period: 20 * time.Second},
	}, zap.NewNop())
	require.NoError(t, err)
	return rl
}

// send is one request from remote (host:port) with optional headers.
func (a *limitedAPI) send(t *testing.T, method, path, remote, body string, headers map[string]string) *httptest.ResponseRecorder {
	t.Helper()
	var req *http.Request
	if body != "" {
		req = httptest.NewRequest(method, path, strings.NewReader(body))
		req.Header.Set("Content-Type", mediaType)
	} else {
		req = httptest.NewRequest(method, path, nil)
	}
	req.RemoteAddr = remote
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	a.limited.ServeHTTP(rec, req)
	return rec
}

func (a *limitedAPI) signIn(t *testing.T, remote string, headers map[string]string) *httptest.ResponseRecorder {
	t.Helper()
	return a.send(t, http.MethodPost, "/api/v1/sign_in", remote, wrongSignIn, headers)
}

func TestRateLimitOnSignIn(t *testing.T) {
	api := newLimitedAPI(t, newMemoryLimiter(t, 300, 5), nil, nil)
	for i := range 5 {
		rec := api.signIn(t, "192.0.2.10:1000", nil)
		require.Equal(t, http.StatusUnauthorized, rec.Code, "request %d", i+1)
		require.Equal(t, "5", rec.Header().Get(middleware.HeaderRateLimitLimit))
		require.Equal(t, strconv.Itoa(4-i), rec.Header().Get(middleware.HeaderRateLimitRemaining))
		requireSecondsWithin(t, rec.Header().Get(middleware.HeaderRateLimitReset), 0, 20)
		require.Empty(t, rec.Header().Get(middleware.HeaderRetryAfter))
	}

	t.Run("sixth_request_is_refused", func(t *testing.T) {
		rec := api.signIn(t, "192.0.2.10:1000", nil)
		requireRateLimited(t, rec, "5")
		var doc struct{ Errors []jsonapi.ErrorObject }
		require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &doc))
		require.Equal(t, "Too many requests", doc.Errors[0].Title)
		require.Equal(t, "429", doc.Errors[0].Status)
	})
	t.Run("refusal_speaks_german", func(t *testing.T) {
		rec := api.signIn(t, "192.0.2.10:1000", map[string]string{"Accept-Language": "de"})
		requireRateLimited(t, rec, "5")
		require.Equal(t, "de", rec.Header().Get("Content-Language"))
		require.Contains(t, rec.Body.String(), "Zu viele Anfragen")
	})
	t.Run("sign_up_shares_the_auth_budget", func(t *testing.T) {
		rec := api.send(t, http.MethodPost, "/api/v1/sign_up", "192.0.2.10:1000", `{}`, nil)
		requireRateLimited(t, rec, "5")
	})
	t.Run("other_routes_are_unaffected", func(t *testing.T) {
		rec := api.send(t, http.MethodGet, "/api/v1/users/me", "192.0.2.10:1000", "", nil)
		require.Equal(t, http.StatusUnauthorized, rec.Code, rec.Body.String())
		require.Equal(t, "300", rec.Header().Get(middleware.HeaderRateLimitLimit))
	})
	t.Run("other_clients_are_unaffected", func(t *testing.T) {
		require.Equal(t, http.StatusUnauthorized, api.signIn(t, "192.0.2.11:1000", nil).Code)
	})
}

func TestRateLimitOverall(t *testing.T) {
	api := newLimitedAPI(t, newMemoryLimiter(t, 3, 5), nil, nil)
	const remote = "192.0.2.20:1000"
	for range 3 {
		require.Equal(t, http.StatusUnauthorized, api.send(t, http.MethodGet, "/api/v1/users/me", remote, "", nil).Code)
	}
	requireRateLimited(t, api.send(t, http.MethodGet, "/api/v1/users/me", remote, "", nil), "3")
	t.Run("auth_routes_count_against_it", func(t *testing.T) {
		requireRateLimited(t, api.signIn(t, remote, nil), "3")
	})
	t.Run("unmatched_paths_count_against_it", func(t *testing.T) {
		requireRateLimited(t, api.send(t, http.MethodGet, "/wp-login.php", remote, "", nil), "3")
	})
	for _, path := range []string{"/healthz", "/readyz", MetricsPath, "/openapi.json", "/docs"} {
		t.Run("never_limits"+strings.ReplaceAll(path, "/", "_"), func(t *testing.T) {
			for range 5 {
				rec := api.send(t, http.MethodGet, path, remote, "", nil)
				require.Equal(t, http.StatusOK, rec.Code, rec.Body.String())
				require.Empty(t, rec.Header().Get(middleware.HeaderRateLimitLimit))
			}
		})
	}
}

func TestRateLimitClientAddress(t *testing.T) {
	const proxy = "10.0.0.5:4000"
	t.Run("forwarded_for_from_an_untrusted_peer_is_ignored", func(t *testing.T) {
		api := newLimitedAPI(t, newMemoryLimiter(t, 300, 5), nil, nil)
		for i := range 5 {
			xff := map[string]string{"X-Forwarded-For": "203.0.113." + strconv.Itoa(i)}
			require.Equal(t, http.StatusUnauthorized, api.signIn(t, proxy, xff).Code)
		}
		requireRateLimited(t, api.signIn(t, proxy, map[string]string{"X-Forwarded-For": "203.0.113.99"}), "5")
	})
	t.Run("forwarded_for_from_a_trusted_proxy_names_the_client", func(t *testing.T) {
		api := newLimitedAPI(t, newMemoryLimiter(t, 300, 5), []string{"10.0.0.0/8"}, nil)
		for i := range 8 {
			xff := map[string]string{"X-Forwarded-For": "203.0.113." + strconv.Itoa(i)}
			require.Equal(t, http.StatusUnauthorized, api.signIn(t, proxy, xff).Code, "client %d", i)
		}
		one := map[string]string{"X-Forwarded-For": "198.51.100.7"}
		for range 5 {
			require.Equal(t, http.StatusUnauthorized, api.signIn(t, proxy, one).Code)
		}
		requireRateLimited(t, api.signIn(t, proxy, one), "5")
		// A client cannot escape by prepending a made-up hop: the trusted
		// proxy appended the address it saw.
		spoof := map[string]string{"X-Forwarded-For": "192.0.2.200, 198.51.100.7"}
		requireRateLimited(t, api.signIn(t, proxy, spoof), "5")
	})
}

func TestRateLimitDisabled(t *testing.T) {
	api := newLimitedAPI(t, nil, nil, nil)
	for range 20 {
		rec := api.signIn(t, "192.0.2.30:1000", nil)
		require.Equal(t, http.StatusUnauthorized, rec.Code)
		require.Empty(t, rec.Header().Get(middleware.HeaderRateLimitLimit))
	}
}

// failingStore is a counter store whose backend is down.
type failingStore struct{}

var errStoreDown = errors.New("dial tcp 127.0.0.1:6379: connection refused")

func (failingStore) Get(context.Context, string, limiter.Rate) (limiter.Context, error) {
	return limiter.Context{}, errStoreDown
}

func (failingStore) Peek(context.Context, string, limiter.Rate) (limiter.Context, error) {
	return limiter.Context{}, errStoreDown
}

func (failingStore) Reset(context.Context, string, limiter.Rate) (limiter.Context, error) {
	return limiter.Context{}, errStoreDown
}

func (failingStore) Increment(context.Context, string, int64, limiter.Rate) (limiter.Context, error) {
	return limiter.Context{}, errStoreDown
}

func TestRateLimitFailsOpen(t *testing.T) {
	core, logs := observer.New(zapcore.WarnLevel)
	rl, err := middleware.NewRateLimiter(middleware.RateLimitConfig{
		Store:   failingStore{},
		Overall: limiter.Rate{Limit: 1, Period: time.Minute},
		Auth:    limiter.Rate{Limit: 1, Period: time.Minute},
	}, zap.New(core))
	require.NoError(t, err)
	metrics, err := middleware.NewMetrics(prometheus.NewRegistry())
	require.NoError(t, err)
	api := newLimitedAPI(t, rl, nil, metrics)

	for range 10 {
		rec := api.signIn(t, "192.0.2.40:1000", nil)
		require.Equal(t, http.StatusUnauthorized, rec.Code, rec.Body.String())
		require.Empty(t, rec.Header().Get(middleware.HeaderRateLimitLimit))
	}
	require.Equal(t, 1, logs.FilterMessageSnippet("rate-limit store failed").Len(), "one warning, not one per request")
	scrape := api.send(t, http.MethodGet, MetricsPath, "192.0.2.40:1000", "", nil).Body.String()
	require.Contains(t, scrape, "parley_rate_limit_store_failures_total 10\n")
}

func TestNewRateLimiterRefusesBadSettings(t *testing.T) {
	store := memory.NewStore()
	good := limiter.Rate{Limit: 1, Period: time.Second}
	for name, cfg := range map[string]middleware.RateLimitConfig{
		"no_store":       {Overall: good, Auth: good},
		"zero_limit":     {Store: store, Overall: limiter.Rate{Period: time.Second}, Auth: good},
		"no_auth_period": {Store: store, Overall: good, Auth: limiter.Rate{Limit: 5}},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := middleware.NewRateLimiter(cfg, nil)
			require.Error(t, err)
		})
	}
}

// requireRateLimited checks a 429 answer and its headers.
func requireRateLimited(t *testing.T, rec *httptest.ResponseRecorder, limit string) {
	t.Helper()
	require.Equal(t, http.StatusTooManyRequests, rec.Code, rec.Body.String())
	require.Equal(t, mediaType, rec.Header().Get("Content-Type"))
	require.Contains(t, rec.Body.String(), `"code":"rate_limited"`)
	require.Equal(t, limit, rec.Header().Get(middleware.HeaderRateLimitLimit))
	require.Equal(t, "0", rec.Header().Get(middleware.HeaderRateLimitRemaining))
	requireSecondsWithin(t, rec.Header().Get(middleware.HeaderRateLimitReset), 0, 60)
	requireSecondsWithin(t, rec.Header().Get(middleware.HeaderRetryAfter), 1, 60)
}

func requireSecondsWithin(t *testing.T, header string, lowest, highest int) {
	t.Helper()
	n, err := strconv.Atoi(header)
	require.NoError(t, err, "%q is not a whole number of seconds", header)
	require.GreaterOrEqual(t, n, lowest)
	require.LessOrEqual(t, n, highest)
}
