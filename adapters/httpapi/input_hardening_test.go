package httpapi

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestQueryTextAndCaps(t *testing.T) {
	api := newTestAPI(t)
	admin := api.signUp(t, "Ada Lovelace", "ada@acme.test")
	inValues := strings.TrimSuffix(strings.Repeat("a,", 101), ",")
	cases := []struct {
		name, path, param, detail string
	}{
		{"nul_in_search_peer", "/api/v1/direct_conversations?search_peer=%00", "search_peer", "valid UTF-8"},
		{"nul_in_filter", "/api/v1/users?filter[name]=eq:%00", "filter[name]", "valid UTF-8"},
		{"invalid_utf8_in_filter", "/api/v1/users?filter[name]=eq:%ff", "filter[name]", "valid UTF-8"},
		{"invalid_utf8_in_sort", "/api/v1/users?sort=%ff", "sort", "valid UTF-8"},
		{"nul_in_include", "/api/v1/users/me?include=%00", "include", "valid UTF-8"},
		{"invalid_utf8_in_fields", "/api/v1/users/me?fields[user]=%c3", "fields[user]", "valid UTF-8"},
		{"nul_in_page_size", "/api/v1/users?page[size]=1%00", "page[size]", "valid UTF-8"},
		{"invalid_utf8_in_parameter_name", "/api/v1/users?x%ff=1", "x\uFFFD", "valid UTF-8"},
		{"long_contains", "/api/v1/users?filter[name]=ct:" + strings.Repeat("a", 50000), "filter[name]", "1000 characters"},
		{"long_prefix", "/api/v1/users?filter[name]=pre:" + strings.Repeat("a", 1001), "filter[name]", "1000 characters"},
		{"long_search_peer", "/api/v1/direct_conversations?search_peer=" + strings.Repeat("a", 60000), "search_peer", "1000 characters"},
		{"too_many_in_values", "/api/v1/users?filter[name]=in:" + inValues, "filter[name]", "100 values"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := api.do(t, call{method: http.MethodGet, path: tc.path, token: admin.token})
			r.requireError(t, http.StatusBadRequest, codeInvalidParameter, tc.param)
			require.Contains(t, r.doc.Errors[0].Detail, tc.detail)
		})
	}
	t.Run("caps_in_german", func(t *testing.T) {
		r := api.do(t, call{method: http.MethodGet, path: "/api/v1/users?filter[name]=in:" + inValues, token: admin.token,
			headers: map[string]string{"Accept-Language": "de"}})
		require.Equal(t, "filter[name] darf höchstens 100 Werte aufzählen.", r.doc.Errors[0].Detail)
	})
	t.Run("at_the_caps", func(t *testing.T) {
		values := strings.TrimSuffix(strings.Repeat("a,", 100), ",")
		for _, q := range []string{"filter[name]=in:" + values, "filter[name]=ct:" + strings.Repeat("ö", 1000)} {
			r := api.do(t, call{method: http.MethodGet, path: "/api/v1/users?" + q, token: admin.token})
			require.Equal(t, http.StatusOK, r.status, r.raw)
		}
	})
}

func TestRequestHeaders(t *testing.T) {
	api := newTestAPI(t)
	admin := api.signUp(t, "Ada Lovelace", "ada@acme.test")
	t.Run("two_authorization_headers", func(t *testing.T) {
		req := httptest.NewRequest(http.MethodGet, "/api/v1/users/me", nil)
		req.Header.Add("Authorization", "Bearer "+admin.token)
		req.Header.Add("Authorization", "Bearer forged")
		rec := httptest.NewRecorder()
		api.engine.ServeHTTP(rec, req)
		require.Equal(t, http.StatusBadRequest, rec.Code, rec.Body.String())
		require.Equal(t, mediaType, rec.Header().Get("Content-Type"))
		require.JSONEq(t, `{"errors":[{"status":"400","code":"invalid_parameter","title":"Invalid query parameter",
			"detail":"The Authorization header must be given only once.","source":{"header":"Authorization"}}]}`, rec.Body.String())
	})
	t.Run("invalid_utf8_accept_language", func(t *testing.T) {
		r := api.do(t, call{method: http.MethodGet, path: "/api/v1/users/me", token: admin.token,
			headers: map[string]string{"Accept-Language": "de\xff"}})
		require.Equal(t, http.StatusBadRequest, r.status, r.raw)
		require.Equal(t, "Accept-Language", r.doc.Errors[0].Source.Header)
	})
}

func TestBodyTextFaults(t *testing.T) {
	api := newTestAPI(t)
	signIn := func(attrs string) string {
		return `{"data":{"type":"session","attributes":{` + attrs + `}}}`
	}
	cases := []struct {
		name, body string
		status     int
		code       string
		source     string
	}{
		{"nul_in_email", signIn(`"email":"a\u0000@x.test","password":"secret123"`), http.StatusUnprocessableEntity, codeValidationFailed, "/data/attributes/email"},
		{"lone_surrogate_in_password", signIn(`"email":"a@x.test","password":"\ud800secret"`), http.StatusUnprocessableEntity, codeValidationFailed, "/data/attributes/password"},
		{"duplicate_email", signIn(`"email":"a@x.test","email":"b@x.test","password":"secret123"`), http.StatusBadRequest, codeInvalidJSON, "/data/attributes/email"},
		{"duplicate_data", `{"data":{},"data":{}}`, http.StatusBadRequest, codeInvalidJSON, "/data"},
		{"too_deep", `{"meta":` + strings.Repeat("[", 10000) + strings.Repeat("]", 10000) + `}`, http.StatusBadRequest, codeInvalidJSON, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := api.do(t, call{method: http.MethodPost, path: "/api/v1/sign_in", body: tc.body})
			r.requireError(t, tc.status, tc.code, tc.source)
		})
	}
	r := api.do(t, call{method: http.MethodPost, path: "/api/v1/sign_in", body: `{"meta":` + strings.Repeat("[", 40) + strings.Repeat("]", 40) + `}`})
	require.Contains(t, r.doc.Errors[0].Detail, "too deeply nested")
}
