package httpapi

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestContentTypeNegotiation(t *testing.T) {
	api := newTestAPI(t)
	body := `{"data":{"type":"session","attributes":{"email":"x@acme.test","password":"whatever1"}}}`
	cases := []struct {
		name, contentType string
		status            int
		code              string
	}{
		{"jsonapi", mediaType, http.StatusUnauthorized, codeUnauthorized},
		{"plain_json", "application/json", http.StatusUnauthorized, codeUnauthorized},
		{"plain_json_with_charset", "application/json; charset=utf-8", http.StatusUnauthorized, codeUnauthorized},
		{"empty_ext_parameter", mediaType + `; ext=""`, http.StatusUnauthorized, codeUnauthorized},
		{"unsupported_ext", mediaType + `; ext="https://example.test/ext"`, http.StatusUnsupportedMediaType, codeUnsupportedMediaType},
		{"atomic_ext", mediaType + `; ext="https://jsonapi.org/ext/atomic"`, http.StatusUnsupportedMediaType, codeUnsupportedMediaType},
		{"atomic_ext_and_profile", mediaType + `; ext="https://jsonapi.org/ext/atomic"; profile="https://example.test/p"`, http.StatusUnsupportedMediaType, codeUnsupportedMediaType},
		{"profile_parameter", mediaType + `; profile="https://example.test/a https://example.test/b"`, http.StatusUnauthorized, codeUnauthorized},
		{"upper_case_type", "Application/VND.API+JSON", http.StatusUnauthorized, codeUnauthorized},
		{"charset_parameter", mediaType + "; charset=utf-8", http.StatusUnsupportedMediaType, codeUnsupportedMediaType},
		{"text_plain", "text/plain", http.StatusUnsupportedMediaType, codeUnsupportedMediaType},
		{"form", "application/x-www-form-urlencoded", http.StatusUnsupportedMediaType, codeUnsupportedMediaType},
		{"missing", "", http.StatusUnsupportedMediaType, codeUnsupportedMediaType},
		{"malformed", "application/", http.StatusUnsupportedMediaType, codeUnsupportedMediaType},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := api.do(t, call{method: http.MethodPost, path: "/api/v1/sign_in", body: body,
				headers: map[string]string{"Content-Type": tc.contentType}})
			r.requireError(t, tc.status, tc.code, "")
		})
	}
}

func TestAcceptNegotiation(t *testing.T) {
	api := newTestAPI(t)
	cases := []struct {
		name, accept string
		status       int
	}{
		{"absent", "", http.StatusUnauthorized},
		{"jsonapi", mediaType, http.StatusUnauthorized},
		{"any", "*/*", http.StatusUnauthorized},
		{"application_any", "application/*", http.StatusUnauthorized},
		{"plain_json", "application/json", http.StatusUnauthorized},
		{"html", "text/html", http.StatusUnauthorized},
		{"with_profile", mediaType + `; profile="https://example.test/a https://example.test/b"`, http.StatusUnauthorized},
		{"ext_instance_and_plain_instance", mediaType + `; ext="https://jsonapi.org/ext/atomic", ` + mediaType, http.StatusUnauthorized},
		{"only_with_ext", mediaType + `; ext="https://example.test/a,https://example.test/b"`, http.StatusNotAcceptable},
		{"only_with_atomic_ext", mediaType + `; ext="https://jsonapi.org/ext/atomic"`, http.StatusNotAcceptable},
		{"one_plain_instance", mediaType + "; charset=utf-8, " + mediaType, http.StatusUnauthorized},
		{"weighted", mediaType + ";q=0.9", http.StatusUnauthorized},
		{"only_parameterised", mediaType + "; charset=utf-8", http.StatusNotAcceptable},
		{"all_parameterised", mediaType + "; charset=utf-8, " + mediaType + "; version=2, text/html", http.StatusNotAcceptable},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := api.do(t, call{method: http.MethodGet, path: "/api/v1/users/me", headers: map[string]string{"Accept": tc.accept}})
			require.Equal(t, tc.status, r.status, r.raw)
			if tc.status == http.StatusNotAcceptable {
				r.requireError(t, tc.status, codeNotAcceptable, "")
			}
		})
	}
}
