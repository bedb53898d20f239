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

// TestSignOutReachesEveryReplica runs two replicas on one database: a token
// signed out on one is refused by that one at once and by the other within a
// second.
func TestSignOutReachesEveryReplica(t *testing.T) {
	if len(lanes) == 1 && lanes[0].name == "remote" {
		t.Skip("needs two in-process replicas")
	}
	t.Parallel()
	databases := map[string]string{
		"sqlite":   "sqlite:" + filepath.Join(t.TempDir(), "replicas.db"),
		"postgres": "",
	}
	for name, url := range databases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			if url == "" {
				url = testenv.FreshPostgres(t, "replicas")
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
}
