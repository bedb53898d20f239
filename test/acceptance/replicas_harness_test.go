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

// onTwoReplicas runs check against two in-process replicas sharing one
// database, once on a SQLite file and once on a fresh PostgreSQL database
// named after name. Against a remote deployment it skips: there is only one
// address to talk to.
func onTwoReplicas(t *testing.T, name string, check func(t *testing.T, a, b *client)) {
	t.Helper()
	if len(lanes) == 1 && lanes[0].name == "remote" {
		t.Skip("needs two in-process replicas")
	}
	t.Parallel()
	databases := map[string]string{
		"sqlite":   "sqlite:" + filepath.Join(t.TempDir(), name+".db"),
		"postgres": "",
	}
	for lane, url := range databases {
		t.Run(lane, func(t *testing.T) {
			t.Parallel()
			if url == "" {
				url = testenv.FreshPostgres(t, name)
			}
			var replicas [2]*client
			for i := range replicas {
				stop, l, err := startLane(lane, url, bootstrap.GORM)
				require.NoError(t, err)
				t.Cleanup(stop)
				replicas[i] = &client{lane: l, http: &http.Client{Timeout: 10 * time.Second}}
			}
			check(t, replicas[0], replicas[1])
		})
	}
}
