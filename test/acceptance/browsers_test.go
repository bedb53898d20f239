package acceptance_test

import (
	"context"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"go.uber.org/fx"

	"github.com/parley-chat/parley/adapters/httpapi"
	"github.com/parley-chat/parley/bootstrap"
	"github.com/parley-chat/parley/config"
)

const webOrigin = "https://app.example.test"

// rawClient neither decompresses nor follows redirects, so that the tests
// see the answers exactly as sent.
var rawClient = &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{DisableCompression: true}}

// rawAnswer is an answer read without any checks.
type rawAnswer struct {
	status int
	header http.Header
	body   []byte
}

// send makes one request with the given headers and reads the whole answer.
func send(t *testing.T, method, url string, headers map[string]string) rawAnswer {
	t.Helper()
	req, err := http.NewRequest(method, url, nil)
	require.NoError(t, err)
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	res, err := rawClient.Do(req)
	require.NoError(t, err)
	defer func() { _ = res.Body.Close() }()
	body, err := io.ReadAll(res.Body)
	require.NoError(t, err)
	return rawAnswer{status: res.StatusCode, header: res.Header, body: body}
}

// startCORSLane runs an in-memory Parley with the given overrides and
// returns its base URL; it is stopped when the test ends.
func startCORSLane(t *testing.T, overrides map[string]string) string {
	t.Helper()
	if lanes[0].secret == nil {
		t.Skip("a remote deployment's CORS settings are its own")
	}
	cfg, err := config.Load(testConfig("sqlite:unused.db", overrides))
	require.NoError(t, err)
	var srv *httpapi.Server
	app := fx.New(bootstrap.Options(cfg, bootstrap.Memory), bootstrap.WithBcryptCost(4), fx.Populate(&srv), fx.NopLogger)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	require.NoError(t, app.Start(ctx))
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		_ = app.Stop(ctx)
	})
	return "http://" + srv.Addr()
}

// preflight asks, as a browser would, whether origin may GET path with a
// token and a conditional header.
func preflight(t *testing.T, base, origin string) rawAnswer {
	t.Helper()
	return send(t, http.MethodOptions, base+"/api/v1/users/me", map[string]string{
		"Origin": origin, "Access-Control-Request-Method": http.MethodGet,
		"Access-Control-Request-Headers": "authorization, if-none-match",
	})
}

func TestCORSAllowedOrigin(t *testing.T) {
	t.Parallel()
	base := startCORSLane(t, map[string]string{
		"PARLEY_CORS_ALLOWED_ORIGINS": webOrigin + ",http://localhost:3000",
		"PARLEY_RATE_LIMIT_ENABLED":   "true", "PARLEY_RATE_LIMIT": "3/60s",
	})
	// More preflights than the budget: none is counted or needs a token.
	for range 5 {
		p := preflight(t, base, webOrigin)
		require.Equal(t, http.StatusNoContent, p.status, "%s", p.body)
		require.Empty(t, p.body)
		require.Equal(t, webOrigin, p.header.Get("Access-Control-Allow-Origin"))
		require.Contains(t, p.header.Get("Access-Control-Allow-Methods"), http.MethodGet)
		allowed := strings.ToLower(p.header.Get("Access-Control-Allow-Headers"))
		require.Contains(t, allowed, "authorization")
		require.Contains(t, allowed, "if-none-match")
		require.Equal(t, "600", p.header.Get("Access-Control-Max-Age"))
		require.Contains(t, p.header.Values("Vary"), "Origin, Access-Control-Request-Method, Access-Control-Request-Headers")
		require.Empty(t, p.header.Get("RateLimit-Remaining"))
	}
	r := send(t, http.MethodGet, base+"/api/v1/users/me", map[string]string{"Origin": webOrigin, "Accept": mediaType})
	require.Equal(t, http.StatusUnauthorized, r.status, "the preflights used up the budget: %s", r.body)
	require.Equal(t, webOrigin, r.header.Get("Access-Control-Allow-Origin"))
	exposed := r.header.Get("Access-Control-Expose-Headers")
	for _, h := range []string{"Authorization", "Location", "Etag", "Retry-After", "Ratelimit-Limit",
		"Ratelimit-Remaining", "Ratelimit-Reset", "X-Request-Id"} {
		require.Contains(t, exposed, h)
	}
	require.Contains(t, r.header.Values("Vary"), "Origin")
	require.Equal(t, "2", r.header.Get("RateLimit-Remaining"))
}

func TestCORSDisallowedOrigin(t *testing.T) {
	t.Parallel()
	base := startCORSLane(t, map[string]string{"PARLEY_CORS_ALLOWED_ORIGINS": webOrigin})
	for _, origin := range []string{"https://evil.example.test", "http://app.example.test"} {
		p := preflight(t, base, origin)
		require.Empty(t, p.header.Get("Access-Control-Allow-Origin"), origin)
		require.Empty(t, p.header.Get("Access-Control-Allow-Methods"), origin)
		r := send(t, http.MethodGet, base+"/healthz", map[string]string{"Origin": origin})
		require.Equal(t, http.StatusOK, r.status)
		require.Empty(t, r.header.Get("Access-Control-Allow-Origin"), origin)
		require.Empty(t, r.header.Get("Access-Control-Expose-Headers"), origin)
	}
}

func TestCORSAnyOrigin(t *testing.T) {
	t.Parallel()
	base := startCORSLane(t, map[string]string{"PARLEY_CORS_ALLOWED_ORIGINS": "*"})
	p := preflight(t, base, "https://anywhere.example.test")
	require.Equal(t, http.StatusNoContent, p.status)
	require.Equal(t, "*", p.header.Get("Access-Control-Allow-Origin"))
	r := send(t, http.MethodGet, base+"/healthz", map[string]string{"Origin": "https://anywhere.example.test"})
	require.Equal(t, "*", r.header.Get("Access-Control-Allow-Origin"))
}

func TestCORSOffByDefault(t *testing.T) {
	eachLane(t, func(t *testing.T, api *client) {
		if api.lane.secret == nil {
			t.Skip("a remote deployment's CORS settings are its own")
		}
		r := send(t, http.MethodGet, api.lane.base+"/healthz", map[string]string{"Origin": webOrigin})
		require.Equal(t, http.StatusOK, r.status)
		for k := range r.header {
			require.False(t, strings.HasPrefix(k, "Access-Control-"), k)
		}
		p := preflight(t, api.lane.base, webOrigin)
		require.Empty(t, p.header.Get("Access-Control-Allow-Origin"))
	})
}
