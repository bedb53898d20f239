package acceptance_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestMediaTypes(t *testing.T) {
	eachLane(t, func(t *testing.T, api *client) {
		body := `{"data":{"type":"session","attributes":{"email":"x@acme.test","password":"whatever1"}}}`
		cases := []struct {
			name, contentType string
			status            int
			code              string
		}{
			{"text_plain_is_415", "text/plain", http.StatusUnsupportedMediaType, "unsupported_media_type"},
			{"charset_parameter_is_415", mediaType + "; charset=utf-8", http.StatusUnsupportedMediaType, "unsupported_media_type"},
			{"form_is_415", "application/x-www-form-urlencoded", http.StatusUnsupportedMediaType, "unsupported_media_type"},
			{"plain_json_is_accepted", "application/json", http.StatusUnauthorized, "unauthorized"},
			{"jsonapi_is_accepted", mediaType, http.StatusUnauthorized, "unauthorized"},
			{"unsupported_ext_is_415", mediaType + `; ext="https://example.test/ext"`, http.StatusUnsupportedMediaType, "unsupported_media_type"},
			{"empty_ext_is_accepted", mediaType + `; ext=""`, http.StatusUnauthorized, "unauthorized"},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				r := api.do(t, request{method: http.MethodPost, path: "/api/v1/sign_in", body: body,
					headers: map[string]string{"Content-Type": c.contentType}})
				r.requireError(t, c.status, c.code, "")
			})
		}
		t.Run("accept_with_only_parameterised_jsonapi_is_406", func(t *testing.T) {
			r := api.do(t, request{method: http.MethodGet, path: "/api/v1/users/me",
				headers: map[string]string{"Accept": mediaType + "; charset=utf-8"}})
			r.requireError(t, http.StatusNotAcceptable, "not_acceptable", "")
		})
		t.Run("accept_with_one_plain_instance_is_fine", func(t *testing.T) {
			admin := signUp(t, api, "Ada Lovelace")
			r := api.do(t, request{method: http.MethodGet, path: "/api/v1/users/me", token: admin.token,
				headers: map[string]string{"Accept": mediaType + "; charset=utf-8, " + mediaType}})
			r.requireStatus(t, http.StatusOK)
			require.Equal(t, mediaType, r.header.Get("Content-Type"))
		})
	})
}

func TestRoutingErrors(t *testing.T) {
	eachLane(t, func(t *testing.T, api *client) {
		api.get(t, "/api/v1/nothing_here", "").requireError(t, http.StatusNotFound, "not_found", "")
		r := api.do(t, request{method: http.MethodPut, path: "/api/v1/sign_up"})
		r.requireError(t, http.StatusMethodNotAllowed, "method_not_allowed", "")
		require.Contains(t, r.header.Get("Allow"), http.MethodPost)
	})
}

func TestBodyLimit(t *testing.T) {
	eachLane(t, func(t *testing.T, api *client) {
		big := `{"data":{"type":"session","attributes":{"email":"` + strings.Repeat("a", 1<<20) + `"}}}`
		api.post(t, "/api/v1/sign_in", "", big).requireError(t, http.StatusRequestEntityTooLarge, "payload_too_large", "")
	})
}

func TestLanguage(t *testing.T) {
	eachLane(t, func(t *testing.T, api *client) {
		en := api.get(t, "/api/v1/users/me", "")
		en.requireError(t, http.StatusUnauthorized, "unauthorized", "")
		require.Equal(t, "en", en.header.Get("Content-Language"))
		de := api.do(t, request{method: http.MethodGet, path: "/api/v1/users/me",
			headers: map[string]string{"Accept-Language": "de-DE, en;q=0.5"}})
		de.requireError(t, http.StatusUnauthorized, "unauthorized", "")
		require.Equal(t, "de", de.header.Get("Content-Language"))
		require.NotEqual(t, en.doc.Errors[0].Title, de.doc.Errors[0].Title)
		fr := api.do(t, request{method: http.MethodGet, path: "/api/v1/users/me",
			headers: map[string]string{"Accept-Language": "fr"}})
		require.Equal(t, "en", fr.header.Get("Content-Language"))
	})
}

func TestAuthentication(t *testing.T) {
	eachLane(t, func(t *testing.T, api *client) {
		admin := signUp(t, api, "Ada Lovelace")
		for name, token := range badTokens(t, api, admin) {
			t.Run(name, func(t *testing.T) {
				r := api.get(t, "/api/v1/users/me", token)
				r.requireError(t, http.StatusUnauthorized, "unauthorized", "")
				require.Contains(t, r.header.Get("WWW-Authenticate"), "Bearer")
			})
		}
		t.Run("basic_scheme_is_401", func(t *testing.T) {
			r := api.do(t, request{method: http.MethodGet, path: "/api/v1/users/me",
				headers: map[string]string{"Authorization": "Basic YWRhOnNlY3JldA=="}})
			r.requireError(t, http.StatusUnauthorized, "unauthorized", "")
		})
		t.Run("valid_token_works", func(t *testing.T) {
			api.get(t, "/api/v1/users/me", admin.token).requireStatus(t, http.StatusOK)
		})
	})
}

func TestClientSetIDIsForbidden(t *testing.T) {
	eachLane(t, func(t *testing.T, api *client) {
		admin := signUp(t, api, "Ada Lovelace")
		peer := addMember(t, api, admin, "Grace Hopper")
		body := map[string]any{"data": map[string]any{"type": "direct_conversation",
			"id": "0193a0b2-8c6e-7d4f-9a1b-2c3d4e5f6a7b", "attributes": map[string]any{"user_id": peer.id}}}
		api.post(t, "/api/v1/direct_conversations", admin.token, body).requireError(t, http.StatusForbidden, "forbidden", "/data/id")
	})
}
