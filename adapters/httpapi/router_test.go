package httpapi

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/gin-gonic/gin"
	"github.com/stretchr/testify/require"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
	"go.uber.org/zap/zaptest/observer"

	"github.com/parley-chat/parley/adapters/httpapi/middleware"
)

func TestRoutingErrors(t *testing.T) {
	api := newTestAPI(t)
	cases := []struct {
		name, method, path string
		status             int
		code, allow        string
	}{
		{"unknown_path", http.MethodGet, "/api/v1/nothing_here", http.StatusNotFound, codeNotFound, ""},
		{"trailing_slash", http.MethodGet, "/api/v1/users/", http.StatusNotFound, codeNotFound, ""},
		{"put_sign_up", http.MethodPut, "/api/v1/sign_up", http.StatusMethodNotAllowed, codeMethodNotAllowed, "POST"},
		{"delete_users", http.MethodDelete, "/api/v1/users", http.StatusMethodNotAllowed, codeMethodNotAllowed, "GET, HEAD, POST"},
		{"put_user", http.MethodPut, "/api/v1/users/me", http.StatusMethodNotAllowed, codeMethodNotAllowed, "DELETE, GET, HEAD, PATCH"},
		{"delete_messages", http.MethodDelete, "/api/v1/chats/abc/messages", http.StatusMethodNotAllowed, codeMethodNotAllowed, "GET, HEAD, POST"},
		{"post_healthz", http.MethodPost, "/healthz", http.StatusMethodNotAllowed, codeMethodNotAllowed, "GET, HEAD"},
		{"post_openapi", http.MethodPost, "/openapi.json", http.StatusMethodNotAllowed, codeMethodNotAllowed, "GET, HEAD"},
		{"delete_docs", http.MethodDelete, "/docs", http.StatusMethodNotAllowed, codeMethodNotAllowed, "GET, HEAD"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := api.do(t, call{method: tc.method, path: tc.path})
			r.requireError(t, tc.status, tc.code, "")
			require.Equal(t, tc.allow, r.header.Get("Allow"))
			require.NotEmpty(t, r.header.Get("Content-Language"))
		})
	}
}

func TestAllowHeaderCoversTheRouteTable(t *testing.T) {
	table := routes(&handler{logger: zap.NewNop()}, NewReadiness(nil))
	for _, rt := range table {
		require.Contains(t, allowHeader(table, rt.path), rt.method, rt.path)
	}
	require.Equal(t, "GET, POST", allowHeader(table, "/api/v1/direct_conversations"))
	require.Empty(t, allowHeader(table, "/api/v1/chats//messages"))
}

func TestRequestID(t *testing.T) {
	api := newTestAPI(t)
	t.Run("sane_incoming_id_is_echoed", func(t *testing.T) {
		r := api.do(t, call{method: http.MethodGet, path: "/healthz", headers: map[string]string{middleware.HeaderRequestID: "abc-123.x"}})
		require.Equal(t, "abc-123.x", r.header.Get(middleware.HeaderRequestID))
	})
	for name, bad := range map[string]string{"too_long": string(bytes.Repeat([]byte("a"), 129)), "spaces": "a b", "quotes": `a"b`} {
		t.Run(name+"_is_replaced", func(t *testing.T) {
			r := api.do(t, call{method: http.MethodGet, path: "/healthz", headers: map[string]string{middleware.HeaderRequestID: bad}})
			got := r.header.Get(middleware.HeaderRequestID)
			require.NotEqual(t, bad, got)
			require.Len(t, got, 36)
		})
	}
	t.Run("generated_when_absent", func(t *testing.T) {
		a := api.do(t, call{method: http.MethodGet, path: "/api/v1/nothing"}).header.Get(middleware.HeaderRequestID)
		b := api.do(t, call{method: http.MethodGet, path: "/api/v1/nothing"}).header.Get(middleware.HeaderRequestID)
		require.NotEmpty(t, a)
		require.NotEqual(t, a, b)
	})
}

func TestRecoveryAndAccessLog(t *testing.T) {
	core, logs := observer.New(zapcore.InfoLevel)
	api := newTestAPI(t)
	engine, err := NewRouter(api.uc(t), RouterConfig{CursorSecret: []byte("s")}, NewReadiness(nil), zap.New(core))
	require.NoError(t, err)
	engine.GET("/api/v1/boom", func(*gin.Context) { panic("pq: syntax error at SELECT password_hash") })

	req := httptest.NewRequest(http.MethodGet, "/api/v1/boom?search_peer=secret", nil)
	req.Header.Set(middleware.HeaderRequestID, "req-1")
	rec := httptest.NewRecorder()
	engine.ServeHTTP(rec, req)

	require.Equal(t, http.StatusInternalServerError, rec.Code)
	require.Equal(t, mediaType, rec.Header().Get("Content-Type"))
	require.Contains(t, rec.Body.String(), `"code":"internal"`)
	require.NotContains(t, rec.Body.String(), "pq")
	require.NotContains(t, rec.Body.String(), "SELECT")

	panics := logs.FilterMessage("handler panicked").All()
	require.Len(t, panics, 1)
	require.Equal(t, "req-1", panics[0].ContextMap()["request_id"])
	access := logs.FilterMessage("request").All()
	require.Len(t, access, 1)
	fields := access[0].ContextMap()
	require.Equal(t, "/api/v1/boom", fields["route"])
	require.EqualValues(t, http.StatusInternalServerError, fields["status"])
	require.Equal(t, "req-1", fields["request_id"])
	require.Equal(t, http.MethodGet, fields["method"])
	require.NotContains(t, access[0].Message+stringify(fields), "secret")
}

func stringify(m map[string]any) string {
	var b bytes.Buffer
	for k, v := range m {
		b.WriteString(k)
		if s, ok := v.(string); ok {
			b.WriteString(s)
		}
	}
	return b.String()
}

type failingPinger struct{ err error }

func (p failingPinger) Ping(ctx context.Context) error { return p.err }

func TestReadiness(t *testing.T) {
	api := newTestAPI(t)
	build := func(t *testing.T, ready *Readiness) *gin.Engine {
		t.Helper()
		engine, err := NewRouter(api.uc(t), RouterConfig{CursorSecret: []byte("s")}, ready, zap.NewNop())
		require.NoError(t, err)
		return engine
	}
	get := func(engine *gin.Engine, path string) *httptest.ResponseRecorder {
		rec := httptest.NewRecorder()
		engine.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
		return rec
	}
	t.Run("ready_when_ping_answers", func(t *testing.T) {
		rec := get(build(t, NewReadiness(failingPinger{})), "/readyz")
		require.Equal(t, http.StatusOK, rec.Code)
	})
	t.Run("unready_when_ping_fails", func(t *testing.T) {
		engine := build(t, NewReadiness(failingPinger{err: errors.New("connection refused")}))
		rec := get(engine, "/readyz")
		require.Equal(t, http.StatusServiceUnavailable, rec.Code)
		require.Equal(t, "1", rec.Header().Get("Retry-After"))
		require.Contains(t, rec.Body.String(), codeServiceUnavailable)
		require.NotContains(t, rec.Body.String(), "refused")
		require.Equal(t, http.StatusOK, get(engine, "/healthz").Code)
	})
	t.Run("unready_while_draining", func(t *testing.T) {
		ready := NewReadiness(failingPinger{})
		engine := build(t, ready)
		ready.SetDraining()
		require.Equal(t, http.StatusServiceUnavailable, get(engine, "/readyz").Code)
		require.Equal(t, http.StatusOK, get(engine, "/healthz").Code)
	})
}

func TestNewRouterRefusesIncompleteWiring(t *testing.T) {
	api := newTestAPI(t)
	uc := api.uc(t)
	uc.GetChat = nil
	_, err := NewRouter(uc, RouterConfig{CursorSecret: []byte("s")}, NewReadiness(nil), nil)
	require.ErrorContains(t, err, "GetChat")
	_, err = NewRouter(api.uc(t), RouterConfig{}, NewReadiness(nil), nil)
	require.Error(t, err)
	_, err = NewRouter(api.uc(t), RouterConfig{CursorSecret: []byte("s"), TrustedProxies: []string{"not an address"}}, NewReadiness(nil), nil)
	require.Error(t, err)
}
