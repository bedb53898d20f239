package acceptance_test

import (
	"net/http"
	"testing"
	"time"

	"github.com/parley-chat/parley/test/testenv"
)

// TestDeactivationReachesEveryReplica runs two server instances over one
// database: a user deactivated through one is refused by the other within a
// second.
func TestDeactivationReachesEveryReplica(t *testing.T) {
	onTwoReplicas(t, "offboarding", func(t *testing.T, a, b *client) {
		admin := signUp(t, a, "Ada Lovelace")
		grace := addMember(t, a, admin, "Grace Hopper")
		b.get(t, "/api/v1/users/me", grace.token).requireStatus(t, http.StatusOK)

		deactivate(t, a, admin, grace)
		done := time.Now()
		a.get(t, "/api/v1/users/me", grace.token).requireError(t, http.StatusUnauthorized, "unauthorized", "")
		testenv.Eventually(t, time.Until(done.Add(time.Second)), 20*time.Millisecond, func() bool {
			return b.get(t, "/api/v1/users/me", grace.token).status == http.StatusUnauthorized
		}, "the other replica still accepts the deactivated user's token")
		t.Logf("deactivation reached the other replica after %s", time.Since(done).Round(time.Millisecond))
	})
}
