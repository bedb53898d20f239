package bootstrap_test

import (
	"encoding/json"
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"
	"go.uber.org/fx"
	"go.uber.org/fx/fxtest"
	"golang.org/x/crypto/bcrypt"

	"github.com/parley-chat/parley/adapters/httpapi"
	"github.com/parley-chat/parley/bootstrap"
)

func TestMetricsOnAListenerOfTheirOwn(t *testing.T) {
	cfg := testConfig(t)
	cfg.MetricsAddr = "127.0.0.1:0"
	var (
		srv     *httpapi.Server
		metrics *bootstrap.MetricsServer
	)
	app := fxtest.New(t, bootstrap.Options(cfg, bootstrap.Memory), bootstrap.WithBcryptCost(bcrypt.MinCost),
		fx.Populate(&srv, &metrics))
	app.RequireStart()
	api, scrape := "http://"+srv.Addr(), "http://"+metrics.Addr()
	require.NotEqual(t, srv.Addr(), metrics.Addr())
	token := signUp(t, api, "ada@metrics-listener.test")

	t.Run("api_listener_answers_404", func(t *testing.T) {
		res, err := http.Get(api + "/metrics")
		require.NoError(t, err)
		defer func() { require.NoError(t, res.Body.Close()) }()
		require.Equal(t, http.StatusNotFound, res.StatusCode)
		require.Equal(t, "application/vnd.api+json", res.Header.Get("Content-Type"))
		var doc struct {
			Errors []struct {
				Status string `json:"status"`
			} `json:"errors"`
		}
		require.NoError(t, json.NewDecoder(res.Body).Decode(&doc))
		require.Len(t, doc.Errors, 1)
		require.Equal(t, "404", doc.Errors[0].Status)
	})

	t.Run("metrics_listener_serves_the_api_series", func(t *testing.T) {
		body := scrapeMetrics(t, scrape)
		require.Contains(t, body, `parley_http_requests_total{method="POST",route="/api/v1/sign_up",status="201"} 1`)
		require.Contains(t, body, "go_goroutines ")
	})

	t.Run("metrics_listener_serves_nothing_else", func(t *testing.T) {
		require.Equal(t, http.StatusNotFound, get(t, scrape+"/api/v1/users/me", token).StatusCode)
		require.Equal(t, http.StatusNotFound, get(t, scrape+"/healthz", "").StatusCode)
		require.Equal(t, http.StatusOK, get(t, api+"/api/v1/users/me", token).StatusCode)
	})

	app.RequireStop()
	_, err := http.Get(scrape + "/metrics")
	require.Error(t, err, "the metrics listener stops with the app")
}

func TestMetricsStayOnTheAPIListenerByDefault(t *testing.T) {
	var metrics *bootstrap.MetricsServer
	app := fxtest.New(t, bootstrap.Options(testConfig(t), bootstrap.Memory), fx.Populate(&metrics))
	defer app.RequireStart().RequireStop()
	require.Empty(t, metrics.Addr())
}
