package bootstrap_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"
	"go.uber.org/fx"
	"go.uber.org/fx/fxtest"
	"golang.org/x/crypto/bcrypt"

	"github.com/parley-chat/parley/adapters/httpapi"
	"github.com/parley-chat/parley/bootstrap"
	"github.com/parley-chat/parley/config"
	"github.com/parley-chat/parley/test/testenv"
)

const wrongSignIn = `{"data":{"type":"session","attributes":{"email":"nobody@acme.test","password":"wrong password"}}}`

func TestRateLimitsAreSharedThroughRedis(t *testing.T) {
	cfg := testConfig(t)
	cfg.RedisURL = testenv.RedisURL(t)
	// A fresh prefix gives this run a budget of its own in a shared Redis.
	prefix := bootstrap.WithRateLimitKeyPrefix("parley-test:" + uuid.NewString())
	replicas := []string{startWith(t, cfg, prefix), startWith(t, cfg, prefix)}

	for i := range 5 {
		res := signInAt(t, replicas[i%2])
		require.Equal(t, http.StatusUnauthorized, res.StatusCode, "sign-in %d on replica %d", i+1, i%2)
		require.Equal(t, "5", res.Header.Get("RateLimit-Limit"))
	}
	for i, base := range replicas {
		res := signInAt(t, base)
		require.Equal(t, http.StatusTooManyRequests, res.StatusCode, "replica %d let a 6th sign-in through", i)
		require.NotEmpty(t, res.Header.Get("Retry-After"))
	}
}

func TestRateLimitsInMemory(t *testing.T) {
	cases := []struct {
		name    string
		environ map[string]string
		want    []int
	}{
		{"configured_auth_rate", map[string]string{"PARLEY_RATE_LIMIT_AUTH": "2/20s"},
			[]int{http.StatusUnauthorized, http.StatusUnauthorized, http.StatusTooManyRequests}},
		{"configured_overall_rate", map[string]string{"PARLEY_RATE_LIMIT": "1/20s"},
			[]int{http.StatusUnauthorized, http.StatusTooManyRequests, http.StatusTooManyRequests}},
		{"switched_off", map[string]string{"PARLEY_RATE_LIMIT_ENABLED": "false", "PARLEY_RATE_LIMIT_AUTH": "1/20s"},
			[]int{http.StatusUnauthorized, http.StatusUnauthorized, http.StatusUnauthorized}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			base := startWith(t, configWith(t, tc.environ))
			for i, want := range tc.want {
				require.Equal(t, want, signInAt(t, base).StatusCode, "sign-in %d", i+1)
			}
			require.Equal(t, http.StatusOK, get(t, base+"/healthz", "").StatusCode, "probes are never limited")
		})
	}
}

func TestStartFailsWhenRedisDoesNotAnswer(t *testing.T) {
	cfg := testConfig(t)
	cfg.RedisURL = "redis://127.0.0.1:1/0"
	app := fx.New(bootstrap.Options(cfg, bootstrap.Memory), fx.NopLogger)
	require.ErrorContains(t, app.Err(), "open rate-limit store")
}

// configWith loads the test configuration with further variables.
func configWith(t *testing.T, extra map[string]string) config.Config {
	t.Helper()
	environ := map[string]string{
		"PARLEY_HTTP_ADDR":      "127.0.0.1:0",
		"PARLEY_LOG_LEVEL":      "error",
		"PARLEY_SHUTDOWN_GRACE": "2s",
		"PARLEY_JWT_SECRET":     strings.Repeat("k", 32),
	}
	for k, v := range extra {
		environ[k] = v
	}
	cfg, err := config.Load(environ)
	require.NoError(t, err)
	return cfg
}

// startWith runs the graph on memory persistence with a fast password hash
// and the given options, and returns the server's base URL.
func startWith(t *testing.T, cfg config.Config, opts ...fx.Option) string {
	t.Helper()
	var srv *httpapi.Server
	all := append([]fx.Option{bootstrap.Options(cfg, bootstrap.Memory), bootstrap.WithBcryptCost(bcrypt.MinCost),
		fx.Populate(&srv)}, opts...)
	app := fxtest.New(t, all...)
	app.RequireStart()
	t.Cleanup(app.RequireStop)
	return "http://" + srv.Addr()
}

func signInAt(t *testing.T, base string) *http.Response {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, base+"/api/v1/sign_in", strings.NewReader(wrongSignIn))
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/vnd.api+json")
	res, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	require.NoError(t, res.Body.Close())
	return res
}
