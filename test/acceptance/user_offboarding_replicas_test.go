package acceptance_test

import (
	"net/http"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/parley-chat/parley/bootstrap"
	"github.com/parley-chat/parley/test/testenv"
)

// TestDeactivationReachesEveryReplica runs two server instances over one
// database: a user deactivated through one is refused by the other within a
// second.
func TestDeactivationReachesEveryReplica(t *testing.T) {
	if len(lanes) == 1 && lanes[0].name == "remote" {
		t.Skip("needs two in-process replicas")
	}
	t.Parallel()
	databases := map[string]string{
		"sqlite":   "sqlite:" + filepath.Join(t.TempDir(), "offboarding.db"),
		"postgres": "",
	}
	for name, url := range databases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			if url == "" {
				url = testenv.FreshPostgres(t, "offboarding")
			}
			var replicas [2]*client
			for i := range replicas {
				stop, l, err := startLane(name, url, bootstrap.GORM)
				require.NoError(t, err)
				t.Cleanup(stop)
				replicas[i] = &client{lane: l, http: &http.Client{Timeout: 10 * time.Second}}
			}
			a, b := replicas[0], replicas[1]
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
}
