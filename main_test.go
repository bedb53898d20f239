package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/parley-chat/parley/test/testenv"
)

func TestRunRefusesBadArguments(t *testing.T) {
	tests := []struct {
		name string
		args []string
	}{
		{"unknown_command", []string{"serv"}},
		{"flag", []string{"--verbose"}},
		{"extra_argument", []string{"migrate", "now"}},
		{"healthcheck_with_argument", []string{"healthcheck", "http://127.0.0.1:8080"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stderr bytes.Buffer
			code := run(tt.args, nil, io.Discard, &stderr)
			require.Equal(t, exitUsage, code)
			require.Contains(t, stderr.String(), "usage: parley")
		})
	}
}

func TestRunRefusesBadConfiguration(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		environ []string
		want    string
	}{
		{"serve_bad_ttl", nil, []string{"PARLEY_TOKEN_TTL=abc"}, `parley: PARLEY_TOKEN_TTL: invalid duration "abc"` + "\n"},
		{"migrate_bad_url", []string{"migrate"}, []string{"PARLEY_DATABASE_URL=mysql://db/parley"}, "parley: PARLEY_DATABASE_URL: unsupported scheme \"mysql\" (want postgres://, postgresql:// or sqlite:<path>)\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stderr bytes.Buffer
			code := run(tt.args, tt.environ, io.Discard, &stderr)
			require.Equal(t, exitUsage, code)
			require.Equal(t, tt.want, stderr.String())
		})
	}
}

func TestMain(m *testing.M) {
	testenv.Main(m)
}

func TestBinary(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := testenv.Binary(t)

	t.Run("bad_configuration_exits_2", func(t *testing.T) {
		cmd := command(t, bin, "PARLEY_TOKEN_TTL=abc")
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		err := cmd.Run()

		var exit *exec.ExitError
		require.True(t, errors.As(err, &exit), "want a non-zero exit, got %v", err)
		require.Equal(t, 2, exit.ExitCode())
		require.Equal(t, `parley: PARLEY_TOKEN_TTL: invalid duration "abc"`+"\n", stderr.String())
		require.Empty(t, stdout.String())
	})

	t.Run("migrate_exits_0", func(t *testing.T) {
		db := filepath.Join(t.TempDir(), "parley.db")
		cmd := command(t, bin, "PARLEY_DATABASE_URL=sqlite:"+db)
		cmd.Args = append(cmd.Args, "migrate")
		out, err := cmd.CombinedOutput()
		require.NoError(t, err, string(out))
		_, err = os.Stat(db)
		require.NoError(t, err)
	})

	t.Run("healthcheck_follows_readiness", func(t *testing.T) {
		db := "PARLEY_DATABASE_URL=sqlite:" + filepath.Join(t.TempDir(), "parley.db")
		server := command(t, bin, "PARLEY_HTTP_ADDR=127.0.0.1:0", db)
		stderr, err := server.StderrPipe()
		require.NoError(t, err)
		require.NoError(t, server.Start())
		t.Cleanup(func() { _ = server.Process.Kill() })
		addr, _ := waitForServing(t, stderr)

		check := func() (int, string) {
			cmd := command(t, bin, "PARLEY_HTTP_ADDR="+addr, db)
			cmd.Args = append(cmd.Args, "healthcheck")
			out, err := cmd.CombinedOutput()
			var exit *exec.ExitError
			if errors.As(err, &exit) {
				return exit.ExitCode(), string(out)
			}
			require.NoError(t, err)
			return 0, string(out)
		}
		code, out := check()
		require.Equal(t, 0, code, out)
		require.Empty(t, out)

		require.NoError(t, server.Process.Signal(syscall.SIGTERM))
		require.NoError(t, server.Wait())
		code, out = check()
		require.Equal(t, 1, code, "a stopped server is not healthy")
		require.Contains(t, out, "parley: GET http://"+addr+"/readyz")
	})

	t.Run("sigterm_exits_0", func(t *testing.T) {
		cmd := command(t, bin, "PARLEY_HTTP_ADDR=127.0.0.1:0")
		stderr, err := cmd.StderrPipe()
		require.NoError(t, err)
		require.NoError(t, cmd.Start())
		t.Cleanup(func() { _ = cmd.Process.Kill() })

		addr, warned := waitForServing(t, stderr)
		require.True(t, warned, "a generated secret must be warned about")
		res, err := http.Get("http://" + addr + "/healthz")
		require.NoError(t, err)
		require.NoError(t, res.Body.Close())
		require.Equal(t, http.StatusOK, res.StatusCode)

		require.NoError(t, cmd.Process.Signal(syscall.SIGTERM))
		require.NoError(t, cmd.Wait())
		require.Equal(t, 0, cmd.ProcessState.ExitCode())
	})
}

// command runs bin in a fresh directory with the test's environment minus
// every PARLEY_ variable, plus extra.
func command(t *testing.T, bin string, extra ...string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(bin)
	cmd.Dir = t.TempDir()
	cmd.Env = append(withoutParleyVariables(os.Environ()), extra...)
	return cmd
}

// waitForServing reads JSON log lines until one reports the listen address,
// and tells whether the missing-secret warning came first.
func waitForServing(t *testing.T, stderr io.Reader) (addr string, warned bool) {
	t.Helper()
	lines := bufio.NewScanner(stderr)
	for lines.Scan() {
		var entry struct {
			Level string `json:"level"`
			Msg   string `json:"msg"`
			Addr  string `json:"addr"`
		}
		if json.Unmarshal(lines.Bytes(), &entry) != nil {
			continue
		}
		if entry.Level == "warn" && strings.Contains(entry.Msg, "PARLEY_JWT_SECRET") {
			warned = true
		}
		if entry.Addr != "" {
			go func() { _, _ = io.Copy(io.Discard, stderr) }()
			return entry.Addr, warned
		}
	}
	t.Fatalf("server exited before serving: %v", lines.Err())
	return "", false
}

func withoutParleyVariables(environ []string) []string {
	var kept []string
	for _, kv := range environ {
		if !strings.HasPrefix(kv, "PARLEY_") {
			kept = append(kept, kv)
		}
	}
	return kept
}
