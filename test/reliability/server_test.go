package reliability_test

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"go.uber.org/fx"
	"go.uber.org/fx/fxtest"

	"github.com/parley-chat/parley/adapters/httpapi"
	"github.com/parley-chat/parley/bootstrap"
	"github.com/parley-chat/parley/config"
)

const testSecret = "reliability-secret-0123456789abcdef0123456789"

// startParley runs the real service graph in process on dbURL, listening on
// 127.0.0.1 with rate limits off, and stops it when the test ends.
func startParley(t *testing.T, dbURL string, extra ...fx.Option) *client {
	t.Helper()
	cfg, err := config.Load(map[string]string{
		"PARLEY_HTTP_ADDR":          "127.0.0.1:0",
		"PARLEY_DATABASE_URL":       dbURL,
		"PARLEY_JWT_SECRET":         testSecret,
		"PARLEY_RATE_LIMIT_ENABLED": "false",
		"PARLEY_LOG_LEVEL":          "error",
		"PARLEY_SHUTDOWN_GRACE":     "5s",
	})
	require.NoError(t, err)
	var srv *httpapi.Server
	opts := append([]fx.Option{bootstrap.Options(cfg, bootstrap.GORM), bootstrap.WithBcryptCost(4),
		fx.Populate(&srv), fx.NopLogger}, extra...)
	app := fxtest.New(t, opts...)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	require.NoError(t, app.Start(ctx))
	t.Cleanup(app.RequireStop)
	return &client{base: "http://" + srv.Addr(), http: &http.Client{
		// Far above any answer the service may take, so that a hang shows
		// as a transport error instead of a slow test.
		Timeout:   15 * time.Second,
		Transport: &http.Transport{MaxIdleConns: 128, MaxIdleConnsPerHost: 128},
	}}
}
