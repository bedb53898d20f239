package httpapi

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"net"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"go.uber.org/zap"

	"github.com/parley-chat/parley/adapters/httpapi/jsonapi"
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
	require.Equal(t, cfg.MaxHeaderBytes*headerReadFactor, s.srv.MaxHeaderBytes)
	require.Equal(t, DefaultReadHeaderTimeout, NewServer(ServerConfig{}, http.NotFoundHandler(), nil).srv.ReadHeaderTimeout)
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
	_, err = conn.Write([]byte("GET / HTTP/1.1\r\nHost: x\r\nAccept-Language: de\r\nX-Big: " + strings.Repeat("a", 8<<10) + "\r\n\r\n"))
	require.NoError(t, err)
	res, err := http.ReadResponse(bufio.NewReader(conn), nil)
	require.NoError(t, err)
	requireLimitError(t, res, http.StatusRequestHeaderFieldsTooLarge, "4096")
	require.Equal(t, "de", res.Header.Get("Content-Language"))
}

func TestServerRefusesLongRequestTargets(t *testing.T) {
	srv := NewServer(ServerConfig{Addr: "127.0.0.1:0", MaxHeaderBytes: 128 << 10}, http.NotFoundHandler(), nil)
	require.NoError(t, srv.Start())
	t.Cleanup(func() { _ = srv.Shutdown(context.Background()) })

	for _, size := range []int{MaxRequestTargetBytes, 100 << 10, 300 << 10} {
		res, err := http.Get("http://" + srv.Addr() + "/api/v1/users?filter[name]=" + strings.Repeat("a", size))
		require.NoError(t, err)
		requireLimitError(t, res, http.StatusRequestURITooLong, "65536")
	}
	res, err := http.Get("http://" + srv.Addr() + "/api/v1/users?filter[name]=" + strings.Repeat("a", MaxRequestTargetBytes-len("/api/v1/users?filter[name]=")))
	require.NoError(t, err)
	require.NoError(t, res.Body.Close())
	require.Equal(t, http.StatusNotFound, res.StatusCode, "the cap itself is allowed")
}

func requireLimitError(t *testing.T, res *http.Response, status int, limit string) {
	t.Helper()
	defer func() { _ = res.Body.Close() }()
	require.Equal(t, status, res.StatusCode)
	require.Equal(t, mediaType, res.Header.Get("Content-Type"))
	var doc jsonapi.ErrorDocument
	require.NoError(t, json.NewDecoder(res.Body).Decode(&doc))
	require.Len(t, doc.Errors, 1)
	require.Equal(t, strconv.Itoa(status), doc.Errors[0].Status)
	require.Equal(t, codePayloadTooLarge, doc.Errors[0].Code)
	require.Contains(t, doc.Errors[0].Detail, limit)
}
