package acceptance_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"
)

// deactivate has admin deactivate p.
func deactivate(t *testing.T, api *client, admin person, p person) {
	t.Helper()
	api.do(t, request{method: http.MethodDelete, path: "/api/v1/users/" + p.id, token: admin.token}).
		requireStatus(t, http.StatusNoContent)
}

func TestDeactivateUser(t *testing.T) {
	eachLane(t, func(t *testing.T, api *client) {
		admin := signUp(t, api, "Ada Lovelace")
		grace := addMember(t, api, admin, "Grace Hopper")
		linus := addMember(t, api, admin, "Linus Torvalds")
		conv := conversation(t, api, admin, grace)
		chatID := conv.linkage(t, "chat").ID
		postMessage(t, api, grace, chatID, "handing over")

		api.do(t, request{method: http.MethodDelete, path: "/api/v1/users/" + grace.id, token: linus.token}).
			requireError(t, http.StatusForbidden, "forbidden", "")
		deactivate(t, api, admin, grace)
		deactivate(t, api, admin, grace)

		t.Run("no_access", func(t *testing.T) {
			api.get(t, "/api/v1/users/me", grace.token).requireError(t, http.StatusUnauthorized, "unauthorized", "")
			gone := api.post(t, "/api/v1/sign_in", "", attrs("session", map[string]any{"email": grace.email, "password": password}))
			wrong := api.post(t, "/api/v1/sign_in", "", attrs("session", map[string]any{"email": linus.email, "password": "not the password"}))
			gone.requireError(t, http.StatusUnauthorized, "unauthorized", "")
			require.Equal(t, string(wrong.raw), string(gone.raw))
		})
		t.Run("peer_keeps_history", func(t *testing.T) {
			list := api.get(t, "/api/v1/direct_conversations?include=first_user,second_user&search_peer=Grace", admin.token).
				requireStatus(t, http.StatusOK)
			require.Equal(t, []string{conv.ID}, ids(list.many(t)))
			var seen bool
			for _, inc := range list.doc.Included {
				if inc.ID == grace.id {
					seen = true
					require.NotNil(t, inc.Attributes["discarded_at"])
				}
			}
			require.True(t, seen, "the deactivated peer is included: %s", list.raw)
			msgs := api.get(t, "/api/v1/chats/"+chatID+"/messages", admin.token).requireStatus(t, http.StatusOK).many(t)
			require.Len(t, msgs, 1)
			api.post(t, "/api/v1/chats/"+chatID+"/messages", admin.token, attrs("message", map[string]any{"content": "hello?"})).
				requireError(t, http.StatusForbidden, "forbidden", "")
			require.Len(t, api.get(t, "/api/v1/chats/"+chatID+"/messages", admin.token).many(t), 1)
			start(t, api, linus, grace).requireError(t, http.StatusUnprocessableEntity, "validation_failed", "/data/attributes/user_id")
		})
		t.Run("filter_discarded_at", func(t *testing.T) {
			present := ids(collect(t, api, "/api/v1/users?filter[discarded_at]=present", admin.token))
			blank := ids(collect(t, api, "/api/v1/users?filter[discarded_at]=blank", admin.token))
			require.Equal(t, []string{grace.id}, present)
			require.ElementsMatch(t, []string{admin.id, linus.id}, blank)
		})
		t.Run("reactivate", func(t *testing.T) {
			patchUser(t, api, "/api/v1/users/"+grace.id, linus.token, map[string]any{"discarded_at": nil}).
				requireError(t, http.StatusForbidden, "forbidden", "")
			u := patchUser(t, api, "/api/v1/users/"+grace.id, admin.token, map[string]any{"discarded_at": nil}).
				requireStatus(t, http.StatusOK).one(t)
			require.Nil(t, u.Attributes["discarded_at"])
			api.get(t, "/api/v1/users/me", grace.token).requireError(t, http.StatusUnauthorized, "unauthorized", "")
			back := signIn(t, api, grace)
			api.get(t, "/api/v1/users/me", back).requireStatus(t, http.StatusOK)
			postMessage(t, api, admin, chatID, "welcome back")
		})
	})
}

func TestLastAdminStays(t *testing.T) {
	eachLane(t, func(t *testing.T, api *client) {
		admin := signUp(t, api, "Ada Lovelace")
		api.do(t, request{method: http.MethodDelete, path: "/api/v1/users/" + admin.id, token: admin.token}).
			requireError(t, http.StatusConflict, "conflict", "")
		patchUser(t, api, "/api/v1/users/me", admin.token, map[string]any{"role": "member"}).
			requireError(t, http.StatusConflict, "conflict", "")
		api.get(t, "/api/v1/users/me", admin.token).requireStatus(t, http.StatusOK)

		second := addMember(t, api, admin, "Grace Hopper")
		patchUser(t, api, "/api/v1/users/"+second.id, admin.token, map[string]any{"role": "admin"}).requireStatus(t, http.StatusOK)
		deactivate(t, api, admin, admin)
		api.get(t, "/api/v1/users/me", admin.token).requireError(t, http.StatusUnauthorized, "unauthorized", "")
	})
}
