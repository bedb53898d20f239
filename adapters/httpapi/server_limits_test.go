package httpapi

import (
	"bufio"
	"context"
	"errors"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"go.uber.org/zap"
)

func TestNewServerAppliesLimits(t *testing.T) {
	cfg := ServerConfig{
		Addr:              "127.0.0.1:0",
		ReadHeaderTimeout: time.Second,
		ReadTimeout:       2 * time.Second,
		WriteTimeout:      3 * time.Second,
		IdleTimeout:       4 * time.Second,
		MaxHeaderBytes:    5000,
	}
	s := NewServer(cfg, http.NotFoundHandler(), zap.NewNop())
	require.Equal(t, cfg.ReadHeaderTimeout, s.srv.ReadHeaderTimeout)
	require.Equal(t, cfg.ReadTimeout, s.srv.ReadTimeout)
	require.Equal(t, cfg.WriteTimeout, s.srv.WriteTimeout)
	require.Equal(t, cfg.IdleTimeout, s.srv.IdleTimeout)
	require.Equal(t, cfg.MaxHeaderBytes, s.srv.MaxHeaderBytes)
	require.Equal(t, defaultReadHeaderTimeout, NewServer(ServerConfig{}, http.NotFoundHandler(), nil).srv.ReadHeaderTimeout)
}

func TestServerDropsSlowHeaders(t *testing.T) {
	srv := NewServer(ServerConfig{Addr: "127.0.0.1:0", ReadHeaderTimeout: 200 * time.Millisecond}, http.NotFoundHandler(), nil)
	require.NoError(t, srv.Start())
	t.Cleanup(func() { _ = srv.Shutdown(context.Background()) })

	conn, err := net.Dial("tcp", srv.Addr())
	require.NoError(t, err)
	defer func() { _ = conn.Close() }()
	// Headers that never end, as a slowloris client sends them.
	_, err = conn.Write([]byte("GET / HTTP/1.1\r\nHost: x\r\n"))
	require.NoError(t, err)
	require.NoError(t, conn.SetReadDeadline(time.Now().Add(5*time.Second)))
	start := time.Now()
	buf := make([]byte, 512)
	for {
		if _, err = conn.Read(buf); err != nil {
			break
		}
	}
	var netErr net.Error
	timedOut := errors.As(err, &netErr) && netErr.Timeout()
	require.False(t, timedOut, "the server kept the connection open: %v", err)
	require.Less(t, time.Since(start), 3*time.Second)
}

func TestServerRefusesHugeHeaders(t *testing.T) {
	srv := NewServer(ServerConfig{Addr: "127.0.0.1:0", MaxHeaderBytes: 4 << 10}, http.NotFoundHandler(), nil)
	require.NoError(t, srv.Start())
	t.Cleanup(func() { _ = srv.Shutdown(context.Background()) })

	conn, err := net.Dial("tcp", srv.Addr())
	require.NoError(t, err)
	defer func() { _ = conn.Close() }()
	// net/http allows 4 KiB of slack over MaxHeaderBytes.
	_, err = conn.Write([]byte("GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + strings.Repeat("a", 16<<10) + "\r\n\r\n"))
	require.NoError(t, err)
	res, err := http.ReadResponse(bufio.NewReader(conn), nil)
	require.NoError(t, err)
	require.NoError(t, res.Body.Close())
	require.Equal(t, http.StatusRequestHeaderFieldsTooLarge, res.StatusCode)
}
