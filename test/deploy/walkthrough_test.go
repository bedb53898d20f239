package deploy_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"go.uber.org/fx"
	"go.uber.org/fx/fxtest"

	"github.com/parley-chat/parley/adapters/httpapi"
	"github.com/parley-chat/parley/bootstrap"
	"github.com/parley-chat/parley/config"
)

// walkthrough returns the shell block of the README's curl walk-through.
func walkthrough(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile(repoPath("README.md"))
	require.NoError(t, err)
	section := regexp.MustCompile("(?s)## A first conversation with curl\n.*?```sh\n(.*?)```").FindSubmatch(data)
	require.NotNil(t, section, "the README has no curl walk-through")
	return string(section[1])
}

// TestReadmeWalkthroughRunsTwice runs the walk-through, as a reader would
// paste it, twice against one server on one SQLite file: the second run
// must not trip over the users the first one created.
func TestReadmeWalkthroughRunsTwice(t *testing.T) {
	if testing.Short() {
		t.Skip("runs a server and the walk-through's shell commands")
	}
	for _, tool := range []string{"bash", "curl", "jq"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("the walk-through needs %s", tool)
		}
	}
	cfg, err := config.Load(map[string]string{
		"PARLEY_HTTP_ADDR":    "127.0.0.1:0",
		"PARLEY_DATABASE_URL": "sqlite:" + filepath.Join(t.TempDir(), "parley.db"),
		"PARLEY_LOG_LEVEL":    "error",
		"PARLEY_JWT_SECRET":   strings.Repeat("w", 32),
	})
	require.NoError(t, err)
	var srv *httpapi.Server
	app := fxtest.New(t, bootstrap.Options(cfg, bootstrap.GORM), fx.Populate(&srv))
	app.RequireStart()
	t.Cleanup(app.RequireStop)

	script := strings.ReplaceAll(walkthrough(t), "localhost:8080", srv.Addr())
	for run := 1; run <= 2; run++ {
		cmd := exec.Command("bash", "-euo", "pipefail", "-c", script)
		cmd.Dir = t.TempDir()
		out, err := cmd.CombinedOutput()
		require.NoErrorf(t, err, "run %d:\n%s", run, out)
		got := strings.ReplaceAll(string(out), "\r", "")
		require.NotContainsf(t, got, `"errors"`, "run %d:\n%s", run, got)
		for _, want := range []string{
			"HTTP/1.1 201 Created\n", // sign-up and the new conversation
			"HTTP/1.1 204 No Content\n",
			`"content": "Hello, Grace!"`, // the corrected message
			`"content": null`,            // the withdrawn one, a tombstone
			`"name": "Grace Hopper"`,
		} {
			require.Containsf(t, got, want, "run %d:\n%s", run, got)
		}
		require.Equalf(t, 2, strings.Count(got, "HTTP/1.1 201 Created\n"), "run %d:\n%s", run, got)
	}
}
