package acceptance_test

import (
	"net/http"
	"testing"
	"time"

	"github.com/parley-chat/parley/test/testenv"
)

// TestSignOutReachesEveryReplica runs two replicas on one database: a token
// signed out on one is refused by that one at once and by the other within a
// second.
func TestSignOutReachesEveryReplica(t *testing.T) {
	onTwoReplicas(t, "replicas", func(t *testing.T, a, b *client) {
		admin := signUp(t, a, "Ada Lovelace")
		b.get(t, "/api/v1/users/me", admin.token).requireStatus(t, http.StatusOK)

		a.do(t, request{method: http.MethodDelete, path: "/api/v1/sign_out", token: admin.token}).
			requireStatus(t, http.StatusNoContent)
		signedOut := time.Now()
		a.get(t, "/api/v1/users/me", admin.token).requireError(t, http.StatusUnauthorized, "unauthorized", "")
		testenv.Eventually(t, time.Until(signedOut.Add(time.Second)), 20*time.Millisecond, func() bool {
			return b.get(t, "/api/v1/users/me", admin.token).status == http.StatusUnauthorized
		}, "the other replica still accepts the revoked token")
		t.Logf("revocation reached the other replica after %s", time.Since(signedOut).Round(time.Millisecond))
	})
}
