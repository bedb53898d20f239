package acceptance_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func TestSignUp(t *testing.T) {
	eachLane(t, func(t *testing.T, api *client) {
		t.Run("creates_admin_with_token", func(t *testing.T) {
			email := uniqueEmail("Ada")
			r := api.post(t, "/api/v1/sign_up", "", attrs("user", map[string]any{
				"account_name": "Acme", "name": "  Ada Lovelace ", "email": email, "password": password,
			})).requireStatus(t, http.StatusCreated)
			u := r.one(t)
			require.Equal(t, "user", u.Type)
			require.Equal(t, "Ada Lovelace", u.str("name"))
			require.Equal(t, email, u.str("email"))
			require.Equal(t, "admin", u.str("role"))
			require.Equal(t, "/api/v1/users/"+u.ID, pathOf(t, u.Links["self"]))
			for _, k := range []string{"created_at", "updated_at"} {
				ts, err := time.Parse(time.RFC3339Nano, u.str(k))
				require.NoError(t, err)
				require.Equal(t, time.UTC, ts.Location())
			}
			require.NotContains(t, string(r.raw), password)
			require.NotContains(t, strings.ToLower(string(r.raw)), "password")
			me := api.get(t, "/api/v1/users/me", bearer(t, r)).requireStatus(t, http.StatusOK).one(t)
			require.Equal(t, u.ID, me.ID)
		})
		t.Run("reports_every_problem", func(t *testing.T) {
			r := api.post(t, "/api/v1/sign_up", "", attrs("user", map[string]any{
				"account_name": "Acme", "name": "   ", "email": "not-an-email", "password": "short",
			}))
			r.requireStatus(t, http.StatusUnprocessableEntity)
			require.ElementsMatch(t, []string{"/data/attributes/name", "/data/attributes/email", "/data/attributes/password"}, r.pointers())
			for _, e := range r.doc.Errors {
				require.Equal(t, "validation_failed", e.Code)
				require.Equal(t, "422", e.Status)
				require.NotEmpty(t, e.Detail)
			}
		})
		t.Run("limits", func(t *testing.T) {
			cases := map[string]map[string]any{
				"/data/attributes/name":         {"name": strings.Repeat("ä", 101)},
				"/data/attributes/password":     {"password": strings.Repeat("p", 73)},
				"/data/attributes/email":        {"email": "Ada <ada@acme.test>"},
				"/data/attributes/account_name": {"account_name": ""},
			}
			for pointer, override := range cases {
				a := map[string]any{"account_name": "Acme", "name": "Ada", "email": uniqueEmail("x"), "password": password}
				for k, v := range override {
					a[k] = v
				}
				api.post(t, "/api/v1/sign_up", "", attrs("user", a)).requireError(t, http.StatusUnprocessableEntity, "validation_failed", pointer)
			}
			ok := map[string]any{"account_name": "Acme", "name": strings.Repeat("ä", 100), "email": uniqueEmail("x"), "password": strings.Repeat("ü", 36)}
			api.post(t, "/api/v1/sign_up", "", attrs("user", ok)).requireStatus(t, http.StatusCreated)
		})
		t.Run("duplicate_email_case_insensitive", func(t *testing.T) {
			admin := signUp(t, api, "Ada")
			r := api.post(t, "/api/v1/sign_up", "", attrs("user", map[string]any{
				"account_name": "Other", "name": "Ada", "email": strings.ToUpper(admin.email), "password": password,
			}))
			r.requireError(t, http.StatusUnprocessableEntity, "validation_failed", "/data/attributes/email")
		})
		t.Run("unknown_attribute_is_422", func(t *testing.T) {
			r := api.post(t, "/api/v1/sign_up", "", attrs("user", map[string]any{
				"account_name": "Acme", "name": "Ada", "email": uniqueEmail("x"), "password": password, "role": "admin",
			}))
			r.requireError(t, http.StatusUnprocessableEntity, "validation_failed", "/data/attributes/role")
		})
		t.Run("wrong_type_is_409", func(t *testing.T) {
			r := api.post(t, "/api/v1/sign_up", "", attrs("session", map[string]any{"name": "Ada"}))
			r.requireError(t, http.StatusConflict, "conflict", "/data/type")
		})
	})
}

func TestSignInAndOut(t *testing.T) {
	eachLane(t, func(t *testing.T, api *client) {
		admin := signUp(t, api, "Ada Lovelace")
		t.Run("right_password", func(t *testing.T) {
			r := api.post(t, "/api/v1/sign_in", "", attrs("session", map[string]any{
				"email": strings.ToUpper(admin.email), "password": password,
			})).requireStatus(t, http.StatusOK)
			require.Equal(t, admin.id, r.one(t).ID)
			api.get(t, "/api/v1/users/me", bearer(t, r)).requireStatus(t, http.StatusOK)
		})
		t.Run("wrong_password_and_unknown_email_look_alike", func(t *testing.T) {
			wrong := api.post(t, "/api/v1/sign_in", "", attrs("session", map[string]any{"email": admin.email, "password": "nope-nope"}))
			unknown := api.post(t, "/api/v1/sign_in", "", attrs("session", map[string]any{"email": uniqueEmail("ghost"), "password": password}))
			wrong.requireError(t, http.StatusUnauthorized, "unauthorized", "")
			unknown.requireError(t, http.StatusUnauthorized, "unauthorized", "")
			require.Equal(t, string(wrong.raw), string(unknown.raw))
			require.Contains(t, wrong.header.Get("WWW-Authenticate"), "Bearer")
		})
		t.Run("sign_out_revokes_only_that_token", func(t *testing.T) {
			s := api.post(t, "/api/v1/sign_in", "", attrs("session", map[string]any{"email": admin.email, "password": password}))
			token := bearer(t, s)
			r := api.do(t, request{method: http.MethodDelete, path: "/api/v1/sign_out", token: token})
			r.requireStatus(t, http.StatusNoContent)
			require.Empty(t, r.raw)
			api.get(t, "/api/v1/users/me", token).requireError(t, http.StatusUnauthorized, "unauthorized", "")
			api.do(t, request{method: http.MethodDelete, path: "/api/v1/sign_out", token: token}).
				requireError(t, http.StatusUnauthorized, "unauthorized", "")
			api.get(t, "/api/v1/users/me", admin.token).requireStatus(t, http.StatusOK)
		})
	})
}

func TestUsers(t *testing.T) {
	eachLane(t, func(t *testing.T, api *client) {
		admin := signUp(t, api, "Ada Lovelace")
		member := addMember(t, api, admin, "Grace Hopper")
		other := signUp(t, api, "Mallory")
		t.Run("member_role_and_location", func(t *testing.T) {
			r := api.post(t, "/api/v1/users", admin.token, attrs("user", map[string]any{
				"name": "Linus", "email": uniqueEmail("linus"), "password": password,
			})).requireStatus(t, http.StatusCreated)
			u := r.one(t)
			require.Equal(t, "member", u.str("role"))
			require.Equal(t, "/api/v1/users/"+u.ID, pathOf(t, r.header.Get("Location")))
		})
		t.Run("non_admin_is_403", func(t *testing.T) {
			api.post(t, "/api/v1/users", member.token, attrs("user", map[string]any{
				"name": "Eve", "email": uniqueEmail("eve"), "password": password,
			})).requireError(t, http.StatusForbidden, "forbidden", "")
		})
		t.Run("get_one_respects_tenancy", func(t *testing.T) {
			got := api.get(t, "/api/v1/users/"+member.id, admin.token).requireStatus(t, http.StatusOK).one(t)
			require.Equal(t, "Grace Hopper", got.str("name"))
			missing := api.get(t, "/api/v1/users/0193a0b2-8c6e-7d4f-9a1b-2c3d4e5f6a7b", admin.token)
			missing.requireError(t, http.StatusNotFound, "not_found", "")
			foreign := api.get(t, "/api/v1/users/"+member.id, other.token)
			foreign.requireError(t, http.StatusNotFound, "not_found", "")
			require.Equal(t, string(missing.raw), string(foreign.raw))
			api.get(t, "/api/v1/users/not-a-uuid", admin.token).requireError(t, http.StatusNotFound, "not_found", "")
		})
		t.Run("list_is_scoped_sorted_and_paginated", func(t *testing.T) {
			for _, n := range []string{"Zoë", "émile", "Bob", "alice"} {
				addMember(t, api, admin, n)
			}
			all := collect(t, api, "/api/v1/users?page[size]=2", admin.token)
			names := make([]string, len(all))
			for i, u := range all {
				names[i] = u.str("name")
			}
			require.Equal(t, []string{"Ada Lovelace", "alice", "Bob", "Grace Hopper", "Linus", "Zoë", "émile"}, names)
			desc := api.get(t, "/api/v1/users?sort=-created_at", admin.token).requireStatus(t, http.StatusOK).many(t)
			require.Equal(t, "alice", desc[0].str("name"))
			f := api.get(t, "/api/v1/users?filter[name]=ct:GRACE", admin.token).requireStatus(t, http.StatusOK).many(t)
			require.Equal(t, []string{member.id}, ids(f))
			sparse := api.get(t, "/api/v1/users?fields[user]=name&filter[name]=eq:Bob", admin.token).requireStatus(t, http.StatusOK).many(t)
			require.Len(t, sparse, 1)
			require.Equal(t, map[string]any{"name": "Bob"}, sparse[0].Attributes)
		})
		t.Run("bad_parameters", func(t *testing.T) {
			cases := map[string]string{
				"/api/v1/users?sort=password":                 "sort",
				"/api/v1/users?sort=name,name":                "sort",
				"/api/v1/users?page[size]=0":                  "page[size]",
				"/api/v1/users?page[size]=101":                "page[size]",
				"/api/v1/users?page[size]=ten":                "page[size]",
				"/api/v1/users?page[after]=garbage":           "page[after]",
				"/api/v1/users?filter[password]=eq:x":         "filter[password]",
				"/api/v1/users?filter[name]=like:x":           "filter[name]",
				"/api/v1/users?filter[created_at]=gt:someday": "filter[created_at]",
				"/api/v1/users?include=account":               "include",
				"/api/v1/users?fields[user]=password":         "fields[user]",
			}
			for path, param := range cases {
				api.get(t, path, admin.token).requireError(t, http.StatusBadRequest, "invalid_parameter", param)
			}
		})
	})
}
