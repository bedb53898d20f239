package httpapi

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/stretchr/testify/require"
	"go.uber.org/zap"
)

func TestServerShutsDownGracefully(t *testing.T) {
	started, release := make(chan struct{}), make(chan struct{})
	mux := http.NewServeMux()
	mux.HandleFunc("/slow", func(w http.ResponseWriter, _ *http.Request) {
		close(started)
		<-release
		_, _ = io.WriteString(w, "done")
	})
	srv := NewServer(ServerConfig{Addr: "127.0.0.1:0"}, mux, zap.NewNop())
	require.NoError(t, srv.Start())
	require.NotEqual(t, "127.0.0.1:0", srv.Addr())
	base := "http://" + srv.Addr()

	type result struct {
		body string
		err  error
	}
	inFlight := make(chan result, 1)
	go func() {
		res, err := http.Get(base + "/slow")
		if err != nil {
			inFlight <- result{err: err}
			return
		}
		defer func() { _ = res.Body.Close() }()
		b, err := io.ReadAll(res.Body)
		inFlight <- result{body: string(b), err: err}
	}()
	<-started

	shutdown := make(chan error, 1)
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		shutdown <- srv.Shutdown(ctx)
	}()
	require.Eventually(t, func() bool {
		res, err := http.Get(base + "/probe")
		if err == nil {
			_ = res.Body.Close()
		}
		return err != nil
	}, 2*time.Second, 10*time.Millisecond, "new connections are still accepted")

	close(release)
	got := <-inFlight
	require.NoError(t, got.err)
	require.Equal(t, "done", got.body)
	require.NoError(t, <-shutdown)
}

func TestServerStartFailsOnTakenAddress(t *testing.T) {
	first := NewServer(ServerConfig{Addr: "127.0.0.1:0"}, http.NotFoundHandler(), nil)
	require.NoError(t, first.Start())
	t.Cleanup(func() { _ = first.Shutdown(context.Background()) })
	second := NewServer(ServerConfig{Addr: first.Addr()}, http.NotFoundHandler(), nil)
	require.Error(t, second.Start())
}

func TestClientIPHonoursTrustedProxies(t *testing.T) {
	api := newTestAPI(t)
	cases := []struct {
		name    string
		proxies []string
		want    string
	}{
		{"untrusted_forwarded_for_is_ignored", nil, "192.0.2.1"},
		{"trusted_proxy_is_believed", []string{"192.0.2.0/24"}, "203.0.113.7"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			engine, err := NewRouter(api.uc(t), RouterConfig{CursorSecret: []byte("s"), TrustedProxies: tc.proxies}, NewReadiness(nil), zap.NewNop())
			require.NoError(t, err)
			var got string
			engine.GET("/ip", func(c *gin.Context) { got = c.ClientIP() })
			req, err := http.NewRequest(http.MethodGet, "/ip", nil)
			require.NoError(t, err)
			req.RemoteAddr = "192.0.2.1:1234"
			req.Header.Set("X-Forwarded-For", "203.0.113.7")
			req.Header.Set("X-Real-IP", "198.51.100.9")
			engine.ServeHTTP(httptest.NewRecorder(), req)
			require.Equal(t, tc.want, got)
		})
	}
}
