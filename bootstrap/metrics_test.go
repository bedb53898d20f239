package bootstrap_test

import (
	"io"
	"net/http"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
	"go.uber.org/fx"
	"go.uber.org/fx/fxtest"
	"golang.org/x/crypto/bcrypt"

	"github.com/parley-chat/parley/adapters/httpapi"
	"github.com/parley-chat/parley/bootstrap"
)

func TestMetricsEndpoint(t *testing.T) {
	cases := []struct {
		persistence bootstrap.Persistence
		poolFigures bool
	}{
		{bootstrap.GORM, true},
		{bootstrap.Memory, false},
	}
	for _, tc := range cases {
		t.Run(tc.persistence.String(), func(t *testing.T) {
			cfg := testConfig(t)
			cfg.DatabaseURL = "sqlite:" + filepath.Join(t.TempDir(), "parley.db")
			var srv *httpapi.Server
			app := fxtest.New(t, bootstrap.Options(cfg, tc.persistence), bootstrap.WithBcryptCost(bcrypt.MinCost), fx.Populate(&srv))
			app.RequireStart()
			defer app.RequireStop()
			base := "http://" + srv.Addr()
			token := signUp(t, base, "ada@metrics.test")
			require.Equal(t, http.StatusOK, get(t, base+"/api/v1/users/me", token).StatusCode)

			scrape := scrapeMetrics(t, base)
			require.Contains(t, scrape, `parley_http_requests_total{method="POST",route="/api/v1/sign_up",status="201"} 1`)
			require.Contains(t, scrape, `parley_http_request_duration_seconds_count{method="GET",route="/api/v1/users/me",status="200"} 1`)
			require.Contains(t, scrape, "parley_http_requests_in_flight ")
			require.Contains(t, scrape, "parley_rate_limit_store_failures_total 0")
			require.Contains(t, scrape, "go_goroutines ")
			require.Contains(t, scrape, "process_start_time_seconds ")
			if tc.poolFigures {
				require.Contains(t, scrape, `go_sql_open_connections{db_name="parley"} `)
				require.Contains(t, scrape, `go_sql_max_open_connections{db_name="parley"} `)
			} else {
				require.NotContains(t, scrape, "go_sql_")
			}
		})
	}
}

func scrapeMetrics(t *testing.T, base string) string {
	t.Helper()
	res, err := http.Get(base + "/metrics")
	require.NoError(t, err)
	defer func() { require.NoError(t, res.Body.Close()) }()
	require.Equal(t, http.StatusOK, res.StatusCode)
	body, err := io.ReadAll(res.Body)
	require.NoError(t, err)
	return string(body)
}
