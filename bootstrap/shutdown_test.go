package bootstrap_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"go.uber.org/fx"
	"go.uber.org/fx/fxtest"

	"github.com/parley-chat/parley/adapters/gormstore"
	"github.com/parley-chat/parley/adapters/httpapi"
	"github.com/parley-chat/parley/bootstrap"
)

// slowBcryptCost makes one sign-up take a good fraction of a second, long
// enough to still be running when the stop begins.
const slowBcryptCost = 12

func TestStopFinishesASlowInFlightRequest(t *testing.T) {
	cfg := testConfig(t)
	cfg.DatabaseURL = "sqlite:" + filepath.Join(t.TempDir(), "parley.db")
	cfg.ShutdownGrace = 20 * time.Second
	var (
		srv     *httpapi.Server
		handler http.Handler
		store   *gormstore.Store
	)
	app := fxtest.New(t, bootstrap.Options(cfg, bootstrap.GORM), bootstrap.WithBcryptCost(slowBcryptCost),
		fx.Populate(&srv, &handler, &store))
	app.RequireStart()
	base := "http://" + srv.Addr()

	type outcome struct {
		status int
		at     time.Time
	}
	signedUp := make(chan outcome, 1)
	go func() {
		body := `{"data":{"type":"user","attributes":{"account_name":"Acme","name":"Ada","email":"ada@slow.test","password":"correct horse"}}}`
		res, err := http.Post(base+"/api/v1/sign_up", "application/vnd.api+json", strings.NewReader(body))
		if err != nil {
			signedUp <- outcome{at: time.Now()}
			return
		}
		_ = res.Body.Close()
		signedUp <- outcome{status: res.StatusCode, at: time.Now()}
	}()
	// The scrape counts itself, so two in flight means the sign-up is running.
	require.Eventually(t, func() bool {
		return strings.Contains(serve(handler, "/metrics").Body.String(), "parley_http_requests_in_flight 2\n")
	}, 10*time.Second, 5*time.Millisecond, "the sign-up never started")

	stopped := make(chan error, 1)
	var stoppedAt time.Time
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		err := app.Stop(ctx)
		stoppedAt = time.Now()
		stopped <- err
	}()
	require.Eventually(t, func() bool {
		return serve(handler, "/readyz").Code == http.StatusServiceUnavailable
	}, 5*time.Second, time.Millisecond, "readiness must fail as soon as the drain begins")
	require.Eventually(t, func() bool {
		res, err := http.Get(base + "/healthz")
		if err == nil {
			_ = res.Body.Close()
		}
		return err != nil
	}, 5*time.Second, 5*time.Millisecond, "the listener still accepts connections")
	closedAt := time.Now()

	got := <-signedUp
	require.Equal(t, http.StatusCreated, got.status, "the in-flight sign-up must complete")
	require.NoError(t, <-stopped)
	require.True(t, got.at.After(closedAt), "the sign-up was not in flight when the listener closed; the test proves nothing")
	require.True(t, stoppedAt.After(got.at), "the stop must wait for the in-flight request")
	require.Error(t, store.Ping(context.Background()), "the database must be closed after the stop")
}

// serve runs one GET through handler in process, bypassing the listener.
func serve(handler http.Handler, path string) *httptest.ResponseRecorder {
	rec := httptest.NewRecorder()
	handler.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
	return rec
}
