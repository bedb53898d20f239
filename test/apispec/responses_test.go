package apispec_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"go.uber.org/zap"

	"github.com/parley-chat/parley/adapters/httpapi"
	"github.com/parley-chat/parley/test/apispec"
)

// TestRouterAnswersMatchDocument sends the real router requests that it
// answers before any use case runs, and checks every answer against the
// document.
func TestRouterAnswersMatchDocument(t *testing.T) {
	engine, err := httpapi.NewRouter(placeholderUseCases(t), httpapi.RouterConfig{CursorSecret: []byte("x")},
		httpapi.NewReadiness(nil), zap.NewNop())
	require.NoError(t, err)
	v := apispec.Load(t)

	tests := []struct {
		name   string
		method string
		target string
		header http.Header
		body   string
		status int
	}{
		{"health", "GET", "/healthz", nil, "", http.StatusOK},
		{"readiness", "GET", "/readyz", nil, "", http.StatusOK},
		{"unknown_route", "GET", "/api/v1/nothing", nil, "", http.StatusNotFound},
		{"wrong_method", "PATCH", "/api/v1/users", nil, "", http.StatusMethodNotAllowed},
		{"no_token", "GET", "/api/v1/direct_conversations", nil, "", http.StatusUnauthorized},
		{"malformed_token", "GET", "/api/v1/users/me", http.Header{"Authorization": {"Basic abc"}}, "", http.StatusUnauthorized},
		{"not_acceptable", "POST", "/api/v1/sign_up", http.Header{"Accept": {"application/vnd.api+json; charset=utf-8"}, "Content-Type": {"application/vnd.api+json"}},
			`{}`, http.StatusNotAcceptable},
		{"unsupported_media_type", "POST", "/api/v1/sign_in", http.Header{"Content-Type": {"text/plain"}},
			`{}`, http.StatusUnsupportedMediaType},
		{"invalid_json", "POST", "/api/v1/sign_up", http.Header{"Content-Type": {"application/vnd.api+json"}},
			`{"data":`, http.StatusBadRequest},
		{"unknown_parameter", "POST", "/api/v1/sign_in?color=blue", http.Header{"Content-Type": {"application/vnd.api+json"}},
			`{}`, http.StatusBadRequest},
		{"payload_too_large", "POST", "/api/v1/sign_up", http.Header{"Content-Type": {"application/vnd.api+json"}},
			`{"data":"` + strings.Repeat("x", 1<<20) + `"}`, http.StatusRequestEntityTooLarge},
		{"client_generated_id", "POST", "/api/v1/sign_up", http.Header{"Content-Type": {"application/vnd.api+json"}},
			`{"data":{"type":"user","id":"01890a5d-ac96-774b-bcce-b302099a8057","attributes":{}}}`, http.StatusForbidden},
		{"wrong_type", "POST", "/api/v1/sign_in", http.Header{"Content-Type": {"application/vnd.api+json"}},
			`{"data":{"type":"user","attributes":{"email":"a@b.test","password":"secret123"}}}`, http.StatusConflict},
		{"read_only_attribute", "POST", "/api/v1/sign_up", http.Header{"Content-Type": {"application/vnd.api+json"}},
			`{"data":{"type":"user","attributes":{"role":"admin"}}}`, http.StatusUnprocessableEntity},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var body io.Reader
			if tt.body != "" {
				body = strings.NewReader(tt.body)
			}
			req := httptest.NewRequest(tt.method, tt.target, body)
			for k, vs := range tt.header {
				req.Header[k] = vs
			}
			rec := httptest.NewRecorder()
			engine.ServeHTTP(rec, req)
			require.Equal(t, tt.status, rec.Code, rec.Body.String())
			require.NoError(t, v.CheckResponse(req, rec.Code, rec.Header(), rec.Body.Bytes()))
		})
	}
}
