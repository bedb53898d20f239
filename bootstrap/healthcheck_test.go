package bootstrap_test

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/parley-chat/parley/bootstrap"
	"github.com/parley-chat/parley/config"
)

// checkServer serves /readyz with the status in status, and counts requests
// to any other path.
func checkServer(t *testing.T, status *atomic.Int32, others *atomic.Int32) config.Config {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/readyz" || r.Method != http.MethodGet {
			others.Add(1)
			w.WriteHeader(http.StatusNotFound)
			return
		}
		w.WriteHeader(int(status.Load()))
	}))
	t.Cleanup(srv.Close)
	_, port, err := net.SplitHostPort(srv.Listener.Addr().String())
	require.NoError(t, err)
	return config.Config{HTTPAddr: ":" + port}
}

func TestHealthcheck(t *testing.T) {
	var status, others atomic.Int32
	cfg := checkServer(t, &status, &others)

	status.Store(http.StatusOK)
	require.NoError(t, bootstrap.Healthcheck(context.Background(), cfg))

	status.Store(http.StatusServiceUnavailable)
	err := bootstrap.Healthcheck(context.Background(), cfg)
	require.ErrorContains(t, err, "503 Service Unavailable")
	require.ErrorContains(t, err, "/readyz")

	// A redirect is not health: something else answers on the port.
	status.Store(http.StatusFound)
	require.ErrorContains(t, bootstrap.Healthcheck(context.Background(), cfg), "302")
	require.Zero(t, others.Load(), "the check asks /readyz and nothing else")
}

func TestHealthcheckWithNothingListening(t *testing.T) {
	// Port 1 is privileged and unassigned in practice, so nothing listens
	// there; a port freed by closing a listener could be taken again.
	err := bootstrap.Healthcheck(context.Background(), config.Config{HTTPAddr: "127.0.0.1:1"})
	require.ErrorContains(t, err, "connection refused")
}
