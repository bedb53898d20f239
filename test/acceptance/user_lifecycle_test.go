package acceptance_test

import (
	"net/http"
	"net/url"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"
)

// patchUser sends PATCH path with the given user attributes.
func patchUser(t *testing.T, api *client, path, token string, a map[string]any) *response {
	t.Helper()
	return api.do(t, request{method: http.MethodPatch, path: path, token: token, body: attrs("user", a)})
}

func TestEditUser(t *testing.T) {
	eachLane(t, func(t *testing.T, api *client) {
		admin := signUp(t, api, "Ada Lovelace")
		grace := addMember(t, api, admin, "Grace Hopper")
		linus := addMember(t, api, admin, "Linus Torvalds")
		conversation(t, api, admin, grace)

		renamed := "Grace Brewster " + unique()
		u := patchUser(t, api, "/api/v1/users/me", grace.token, map[string]any{"name": renamed}).
			requireStatus(t, http.StatusOK).one(t)
		require.Equal(t, grace.id, u.ID)
		require.Equal(t, renamed, u.str("name"))
		require.Equal(t, grace.email, u.str("email"))

		t.Run("rename_visible_at_once", func(t *testing.T) {
			r := api.get(t, "/api/v1/direct_conversations?include=first_user,second_user&search_peer="+url.QueryEscape(renamed), admin.token).
				requireStatus(t, http.StatusOK)
			require.Len(t, r.many(t), 1)
			var names []string
			for _, inc := range r.doc.Included {
				if inc.ID == grace.id {
					names = append(names, inc.str("name"))
				}
			}
			require.Equal(t, []string{renamed}, names)
			require.Equal(t, renamed, api.get(t, "/api/v1/users/"+grace.id, linus.token).requireStatus(t, http.StatusOK).one(t).str("name"))
			// Sorting by name follows the rename at once.
			require.Equal(t, []string{admin.id, grace.id, linus.id}, ids(collect(t, api, "/api/v1/users?sort=name", admin.token)))
			patchUser(t, api, "/api/v1/users/me", grace.token, map[string]any{"name": "Zoe " + unique()}).requireStatus(t, http.StatusOK)
			require.Equal(t, []string{admin.id, linus.id, grace.id}, ids(collect(t, api, "/api/v1/users?sort=name", admin.token)))
			patchUser(t, api, "/api/v1/users/me", grace.token, map[string]any{"name": renamed}).requireStatus(t, http.StatusOK)
		})
		t.Run("admin_edits_anyone_and_roles", func(t *testing.T) {
			email := uniqueEmail("linus")
			u := patchUser(t, api, "/api/v1/users/"+linus.id, admin.token, map[string]any{"email": email, "role": "admin"}).
				requireStatus(t, http.StatusOK).one(t)
			require.Equal(t, email, u.str("email"))
			require.Equal(t, "admin", u.str("role"))
			patchUser(t, api, "/api/v1/users/"+linus.id, admin.token, map[string]any{"role": "member"}).requireStatus(t, http.StatusOK)
		})
		t.Run("member_rights", func(t *testing.T) {
			patchUser(t, api, "/api/v1/users/"+linus.id, grace.token, map[string]any{"name": "Mallory"}).
				requireError(t, http.StatusForbidden, "forbidden", "")
			patchUser(t, api, "/api/v1/users/me", grace.token, map[string]any{"role": "admin"}).
				requireError(t, http.StatusForbidden, "forbidden", "")
			other := signUp(t, api, "Other Admin")
			patchUser(t, api, "/api/v1/users/"+grace.id, other.token, map[string]any{"name": "Mallory"}).
				requireError(t, http.StatusNotFound, "not_found", "")
			require.Equal(t, renamed, api.get(t, "/api/v1/users/me", grace.token).one(t).str("name"))
		})
		t.Run("every_problem_at_once", func(t *testing.T) {
			r := patchUser(t, api, "/api/v1/users/"+linus.id, admin.token, map[string]any{
				"name": "", "email": "not-an-email", "role": "owner", "created_at": "2020-01-01T00:00:00Z", "shoe_size": "42"})
			require.Equal(t, http.StatusUnprocessableEntity, r.status, "%s", r.raw)
			require.ElementsMatch(t, []string{"/data/attributes/created_at", "/data/attributes/shoe_size"}, r.pointers())
			r = patchUser(t, api, "/api/v1/users/"+linus.id, admin.token, map[string]any{"name": "", "email": "not-an-email", "role": "owner"})
			require.Equal(t, http.StatusUnprocessableEntity, r.status, "%s", r.raw)
			require.ElementsMatch(t, []string{"/data/attributes/name", "/data/attributes/email", "/data/attributes/role"}, r.pointers())
			patchUser(t, api, "/api/v1/users/me", grace.token, map[string]any{"email": admin.email}).
				requireError(t, http.StatusUnprocessableEntity, "validation_failed", "/data/attributes/email")
			patchUser(t, api, "/api/v1/users/"+linus.id, admin.token, map[string]any{"discarded_at": "2020-01-01T00:00:00Z"}).
				requireError(t, http.StatusUnprocessableEntity, "validation_failed", "/data/attributes/discarded_at")
			require.Equal(t, "Linus Torvalds", api.get(t, "/api/v1/users/"+linus.id, admin.token).one(t).str("name"))
		})
		t.Run("wrong_type_and_id", func(t *testing.T) {
			api.do(t, request{method: http.MethodPatch, path: "/api/v1/users/me", token: grace.token,
				body: attrs("message", map[string]any{"name": "X"})}).requireError(t, http.StatusConflict, "conflict", "/data/type")
			api.do(t, request{method: http.MethodPatch, path: "/api/v1/users/me", token: grace.token,
				body: map[string]any{"data": map[string]any{"type": "user", "id": linus.id, "attributes": map[string]any{"name": "X"}}}}).
				requireError(t, http.StatusConflict, "conflict", "/data/id")
			api.do(t, request{method: http.MethodPatch, path: "/api/v1/users/me", token: grace.token,
				body: map[string]any{"data": map[string]any{"type": "user", "id": grace.id, "attributes": map[string]any{"name": renamed}}}}).
				requireStatus(t, http.StatusOK)
		})
	})
}

func TestConcurrentRenamesToOneEmail(t *testing.T) {
	eachLane(t, func(t *testing.T, api *client) {
		admin := signUp(t, api, "Ada Lovelace")
		a, b := addMember(t, api, admin, "A"), addMember(t, api, admin, "B")
		email := uniqueEmail("shared")
		var wg sync.WaitGroup
		statuses := make([]int, 2)
		for i, p := range []person{a, b} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				statuses[i] = patchUser(t, api, "/api/v1/users/me", p.token, map[string]any{"email": email}).status
			}()
		}
		wg.Wait()
		require.ElementsMatch(t, []int{http.StatusOK, http.StatusUnprocessableEntity}, statuses)
	})
}
