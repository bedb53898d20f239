package httpapi

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

func attrs(t *testing.T, res decoded) map[string]any {
	t.Helper()
	var m map[string]any
	if res.Attributes != nil {
		require.NoError(t, json.Unmarshal(res.Attributes, &m))
	}
	return m
}

func rels(t *testing.T, res decoded) map[string]struct{ Data json.RawMessage } {
	t.Helper()
	var m map[string]struct{ Data json.RawMessage }
	if res.Relationships != nil {
		require.NoError(t, json.Unmarshal(res.Relationships, &m))
	}
	return m
}

func TestSessions(t *testing.T) {
	api := newTestAPI(t)
	ada := api.signUp(t, "Ada Lovelace", "ada@acme.test")

	t.Run("sign_up_renders_the_user_without_password", func(t *testing.T) {
		r := api.do(t, call{method: http.MethodGet, path: "/api/v1/users/me", token: ada.token})
		require.Equal(t, http.StatusOK, r.status, r.raw)
		res := r.one(t)
		require.Equal(t, "user", res.Type)
		require.Equal(t, "/api/v1/users/"+ada.id, res.Links.Self)
		a := attrs(t, res)
		require.Equal(t, map[string]any{"name": "Ada Lovelace", "email": "ada@acme.test", "role": "admin",
			"created_at": "2025-01-02T03:04:05Z", "updated_at": "2025-01-02T03:04:05Z", "discarded_at": nil}, a)
		require.NotContains(t, r.raw, "hash")
	})
	t.Run("sign_in", func(t *testing.T) {
		r := api.do(t, call{method: http.MethodPost, path: "/api/v1/sign_in",
			body: `{"data":{"type":"session","attributes":{"email":"ada@acme.test","password":"secret123"}}}`})
		require.Equal(t, http.StatusOK, r.status, r.raw)
		require.True(t, strings.HasPrefix(r.header.Get("Authorization"), "Bearer "))
		require.Equal(t, ada.id, r.one(t).ID)
	})
	t.Run("sign_up_validation_reports_every_problem", func(t *testing.T) {
		r := api.do(t, call{method: http.MethodPost, path: "/api/v1/sign_up",
			body: `{"data":{"type":"user","attributes":{"account_name":"","name":"","email":"nope","password":"short"}}}`})
		r.requireError(t, http.StatusUnprocessableEntity, codeValidationFailed, "")
		var pointers []string
		for _, e := range r.doc.Errors {
			pointers = append(pointers, e.Source.Pointer)
		}
		require.ElementsMatch(t, []string{"/data/attributes/account_name", "/data/attributes/name",
			"/data/attributes/email", "/data/attributes/password"}, pointers)
	})
	t.Run("sign_out_revokes_the_token", func(t *testing.T) {
		grace := api.addMember(t, ada, "Grace Hopper", "grace@acme.test")
		r := api.do(t, call{method: http.MethodDelete, path: "/api/v1/sign_out", token: grace.token})
		require.Equal(t, http.StatusNoContent, r.status, r.raw)
		require.Empty(t, r.raw)
		api.do(t, call{method: http.MethodGet, path: "/api/v1/users/me", token: grace.token}).
			requireError(t, http.StatusUnauthorized, codeUnauthorized, "")
	})
}

func TestUsers(t *testing.T) {
	api := newTestAPI(t)
	ada := api.signUp(t, "Ada Lovelace", "ada@acme.test")
	grace := api.addMember(t, ada, "Grace Hopper", "grace@acme.test")
	api.addMember(t, ada, "Hedy Lamarr", "hedy@acme.test")

	t.Run("create_answers_location", func(t *testing.T) {
		r := api.do(t, call{method: http.MethodPost, path: "/api/v1/users", token: ada.token,
			body: `{"data":{"type":"user","attributes":{"name":"Ida","email":"ida@acme.test","password":"secret123"}}}`})
		require.Equal(t, http.StatusCreated, r.status, r.raw)
		require.Equal(t, "/api/v1/users/"+r.one(t).ID, r.header.Get("Location"))
	})
	t.Run("members_cannot_create", func(t *testing.T) {
		api.do(t, call{method: http.MethodPost, path: "/api/v1/users", token: grace.token,
			body: `{"data":{"type":"user","attributes":{"name":"Eve","email":"eve@acme.test","password":"secret123"}}}`}).
			requireError(t, http.StatusForbidden, codeForbidden, "")
	})
	t.Run("account_name_is_unknown_on_create", func(t *testing.T) {
		api.do(t, call{method: http.MethodPost, path: "/api/v1/users", token: ada.token,
			body: `{"data":{"type":"user","attributes":{"account_name":"X","name":"Eve","email":"eve@acme.test","password":"secret123"}}}`}).
			requireError(t, http.StatusUnprocessableEntity, codeValidationFailed, "/data/attributes/account_name")
	})
	t.Run("non_uuid_id_is_404", func(t *testing.T) {
		api.do(t, call{method: http.MethodGet, path: "/api/v1/users/42", token: ada.token}).
			requireError(t, http.StatusNotFound, codeNotFound, "")
	})
	t.Run("sparse_fieldset", func(t *testing.T) {
		r := api.do(t, call{method: http.MethodGet, path: "/api/v1/users/" + grace.id + "?fields[user]=name", token: ada.token})
		require.Equal(t, http.StatusOK, r.status, r.raw)
		require.Equal(t, map[string]any{"name": "Grace Hopper"}, attrs(t, r.one(t)))
	})
	t.Run("pages_follow_next_until_null", func(t *testing.T) {
		seen := map[string]bool{}
		next := "/api/v1/users?page[size]=2&fields[user]=name"
		for pages := 0; next != ""; pages++ {
			require.Less(t, pages, 5)
			r := api.do(t, call{method: http.MethodGet, path: next, token: ada.token})
			require.Equal(t, http.StatusOK, r.status, r.raw)
			require.Equal(t, next, *r.doc.Links["self"])
			for _, res := range r.many(t) {
				require.False(t, seen[res.ID])
				seen[res.ID] = true
			}
			next = ""
			if n := r.doc.Links["next"]; n != nil {
				next = *n
				u, err := url.Parse(next)
				require.NoError(t, err)
				require.Equal(t, "2", u.Query().Get("page[size]"))
				require.Equal(t, "name", u.Query().Get("fields[user]"))
			}
		}
		require.Len(t, seen, 4)
	})
	t.Run("last_page_next_is_null", func(t *testing.T) {
		r := api.do(t, call{method: http.MethodGet, path: "/api/v1/users", token: ada.token})
		require.Contains(t, r.raw, `"next":null`)
	})
	t.Run("bad_sort_is_400", func(t *testing.T) {
		api.do(t, call{method: http.MethodGet, path: "/api/v1/users?sort=password", token: ada.token}).
			requireError(t, http.StatusBadRequest, codeInvalidParameter, "sort")
	})
	t.Run("tampered_cursor_is_400", func(t *testing.T) {
		api.do(t, call{method: http.MethodGet, path: "/api/v1/users?page[after]=eyJ9.AAAA", token: ada.token}).
			requireError(t, http.StatusBadRequest, codeInvalidParameter, "page[after]")
	})
}
