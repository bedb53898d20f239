package acceptance_test

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestHostileRequestEdges covers what is refused before any handler:
// duplicate Authorization headers, oversized targets and headers,
// unsupported JSON:API extensions and methods a path does not serve.
func TestHostileRequestEdges(t *testing.T) {
	eachLane(t, func(t *testing.T, api *client) {
		admin := signUp(t, api, "Ada Lovelace")
		member := addMember(t, api, admin, "Mesut Özil")
		chatID := conversation(t, api, admin, member).linkage(t, "chat").ID
		messages := "/api/v1/chats/" + chatID + "/messages"

		t.Run("two_authorization_headers", func(t *testing.T) {
			for _, second := range []string{"Bearer forged", "Bearer " + member.token} {
				doc := rawRequest(t, api, http.MethodGet, "/api/v1/users/me", func(h http.Header) {
					h.Add("Authorization", "Bearer "+admin.token)
					h.Add("Authorization", second)
				}, http.StatusBadRequest)
				require.Equal(t, "invalid_parameter", doc.Errors[0].Code)
				require.Equal(t, "Authorization", doc.Errors[0].Source.Header)
			}
		})
		t.Run("query_string_of_100_kb", func(t *testing.T) {
			doc := rawRequest(t, api, http.MethodGet, "/api/v1/users?filter[name]=eq:"+strings.Repeat("a", 100<<10), func(h http.Header) {
				h.Set("Authorization", "Bearer "+admin.token)
			}, http.StatusRequestURITooLong)
			require.Equal(t, "payload_too_large", doc.Errors[0].Code)
		})
		t.Run("header_of_100_kb", func(t *testing.T) {
			doc := rawRequest(t, api, http.MethodGet, "/api/v1/users/me", func(h http.Header) {
				h.Set("Authorization", "Bearer "+admin.token)
				h.Set("X-Padding", strings.Repeat("a", 100<<10))
			}, http.StatusRequestHeaderFieldsTooLarge)
			require.Equal(t, "payload_too_large", doc.Errors[0].Code)
		})
		t.Run("unsupported_extension_in_content_type", func(t *testing.T) {
			api.do(t, request{method: http.MethodPost, path: messages, token: admin.token,
				body:    attrs("message", map[string]any{"content": "atomic"}),
				headers: map[string]string{"Content-Type": mediaType + `; ext="https://jsonapi.org/ext/atomic"`}}).
				requireError(t, http.StatusUnsupportedMediaType, "unsupported_media_type", "")
			msgs := api.get(t, messages, admin.token).requireStatus(t, http.StatusOK).many(t)
			require.Empty(t, msgs, "a refused message was stored")
		})
		t.Run("unsupported_extension_in_accept", func(t *testing.T) {
			api.do(t, request{method: http.MethodGet, path: "/api/v1/users/me", token: admin.token,
				headers: map[string]string{"Accept": mediaType + `; ext="https://jsonapi.org/ext/atomic"`}}).
				requireError(t, http.StatusNotAcceptable, "not_acceptable", "")
			api.do(t, request{method: http.MethodGet, path: "/api/v1/users/me", token: admin.token,
				headers: map[string]string{"Accept": mediaType + `; profile="https://example.test/p"`}}).
				requireStatus(t, http.StatusOK)
		})
		t.Run("every_405_has_allow", func(t *testing.T) {
			for _, path := range []string{"/openapi.json", "/docs", "/healthz", "/api/v1/sign_in", "/api/v1/users"} {
				r := api.do(t, request{method: http.MethodPatch, path: path})
				r.requireError(t, http.StatusMethodNotAllowed, "method_not_allowed", "")
				require.NotEmpty(t, r.header.Get("Allow"), path)
			}
		})
	})
}

// rawRequest sends a request the suite's client cannot express (repeated or
// oversized headers) and checks that the answer is a JSON:API error document
// with status.
func rawRequest(t *testing.T, api *client, method, path string, headers func(http.Header), status int) document {
	t.Helper()
	req, err := http.NewRequest(method, api.lane.base+path, nil)
	require.NoError(t, err)
	headers(req.Header)
	res, err := api.http.Do(req)
	require.NoError(t, err)
	defer func() { _ = res.Body.Close() }()
	raw, err := io.ReadAll(res.Body)
	require.NoError(t, err)
	require.Equal(t, status, res.StatusCode, "%s", raw)
	require.Equal(t, mediaType, res.Header.Get("Content-Type"), "%s", raw)
	require.NoError(t, spec.CheckResponse(req, res.StatusCode, res.Header, raw), "%s", raw)
	var doc document
	require.NoError(t, json.Unmarshal(raw, &doc), "%s", raw)
	require.Len(t, doc.Errors, 1, "%s", raw)
	require.Equal(t, itoa(status), doc.Errors[0].Status)
	return doc
}
