package bootstrap_test

import (
	"bufio"
	"errors"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/parley-chat/parley/bootstrap"
)

// TestServerLimits observes the limits of the server the graph builds over
// real connections: 64 KiB of headers, a 1 MiB body, and headers that must
// arrive within a few seconds.
func TestServerLimits(t *testing.T) {
	t.Parallel()
	addr := strings.TrimPrefix(start(t, testConfig(t), bootstrap.Memory), "http://")

	t.Run("headers_within_the_limit_are_served", func(t *testing.T) {
		require.Equal(t, http.StatusOK, rawGet(t, addr, 60<<10))
	})
	t.Run("larger_headers_are_refused", func(t *testing.T) {
		// net/http allows 4 KiB of slack over MaxHeaderBytes; its default
		// limit is 1 MiB.
		require.Equal(t, http.StatusRequestHeaderFieldsTooLarge, rawGet(t, addr, 80<<10))
	})
	t.Run("a_body_over_1_MiB_is_refused", func(t *testing.T) {
		res := postSignUp(t, addr, strings.Repeat("a", 1<<20))
		require.Equal(t, http.StatusRequestEntityTooLarge, res.StatusCode)
	})
	t.Run("a_body_under_1_MiB_reaches_the_handler", func(t *testing.T) {
		res := postSignUp(t, addr, strings.Repeat("a", 1<<20-1<<10))
		require.Equal(t, http.StatusUnprocessableEntity, res.StatusCode, "the name is far too long, but it was read")
	})
	t.Run("headers_that_never_end_are_dropped", func(t *testing.T) {
		t.Parallel()
		conn, err := net.Dial("tcp", addr)
		require.NoError(t, err)
		defer func() { _ = conn.Close() }()
		_, err = conn.Write([]byte("GET /healthz HTTP/1.1\r\nHost: parley\r\n"))
		require.NoError(t, err)
		// Far above the read-header timeout; reaching it means the server
		// kept the connection open.
		require.NoError(t, conn.SetReadDeadline(time.Now().Add(20*time.Second)))
		_, err = io.Copy(io.Discard, conn)
		var netErr net.Error
		require.False(t, errors.As(err, &netErr) && netErr.Timeout(), "the server kept the connection open")
	})
}

// rawGet asks for /healthz with a header of headerBytes and returns the
// status.
func rawGet(t *testing.T, addr string, headerBytes int) int {
	t.Helper()
	conn, err := net.Dial("tcp", addr)
	require.NoError(t, err)
	defer func() { _ = conn.Close() }()
	_, err = conn.Write([]byte("GET /healthz HTTP/1.1\r\nHost: parley\r\nX-Padding: " +
		strings.Repeat("p", headerBytes) + "\r\nConnection: close\r\n\r\n"))
	require.NoError(t, err)
	res, err := http.ReadResponse(bufio.NewReader(conn), nil)
	require.NoError(t, err)
	require.NoError(t, res.Body.Close())
	return res.StatusCode
}

// postSignUp signs up with name as the user's name.
func postSignUp(t *testing.T, addr, name string) *http.Response {
	t.Helper()
	body := `{"data":{"type":"user","attributes":{"account_name":"Acme","name":"` + name +
		`","email":"ada@limits.test","password":"correct horse"}}}`
	res, err := http.Post("http://"+addr+"/api/v1/sign_up", "application/vnd.api+json", strings.NewReader(body))
	require.NoError(t, err)
	require.NoError(t, res.Body.Close())
	return res
}
