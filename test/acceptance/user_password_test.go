package acceptance_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestChangePassword(t *testing.T) {
	eachLane(t, func(t *testing.T, api *client) {
		admin := signUp(t, api, "Ada Lovelace")
		grace := addMember(t, api, admin, "Grace Hopper")
		other := signIn(t, api, grace)
		const next = "an even better horse battery"

		r := patchUser(t, api, "/api/v1/users/me", grace.token, map[string]any{"password": "short", "current_password": "wrong one"})
		require.Equal(t, http.StatusUnprocessableEntity, r.status, "%s", r.raw)
		require.ElementsMatch(t, []string{"/data/attributes/password", "/data/attributes/current_password"}, r.pointers())
		patchUser(t, api, "/api/v1/users/me", grace.token, map[string]any{"password": next}).
			requireError(t, http.StatusUnprocessableEntity, "validation_failed", "/data/attributes/current_password")
		patchUser(t, api, "/api/v1/users/"+grace.id, admin.token, map[string]any{"password": next, "current_password": password}).
			requireError(t, http.StatusForbidden, "forbidden", "")
		outsider := signUp(t, api, "Eve Outsider")
		patchUser(t, api, "/api/v1/users/"+grace.id, outsider.token, map[string]any{"password": next, "current_password": password}).
			requireError(t, http.StatusNotFound, "not_found", "")
		api.get(t, "/api/v1/users/me", other).requireStatus(t, http.StatusOK)

		u := patchUser(t, api, "/api/v1/users/me", grace.token, map[string]any{"password": next, "current_password": password}).
			requireStatus(t, http.StatusOK).one(t)
		require.Nil(t, u.Attributes["password"])
		api.get(t, "/api/v1/users/me", grace.token).requireStatus(t, http.StatusOK)
		api.get(t, "/api/v1/users/me", other).requireError(t, http.StatusUnauthorized, "unauthorized", "")

		api.post(t, "/api/v1/sign_in", "", attrs("session", map[string]any{"email": grace.email, "password": password})).
			requireError(t, http.StatusUnauthorized, "unauthorized", "")
		api.post(t, "/api/v1/sign_in", "", attrs("session", map[string]any{"email": grace.email, "password": next})).
			requireStatus(t, http.StatusOK)
	})
}
