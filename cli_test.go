package main

import (
	"bytes"
	"errors"
	"net"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/parley-chat/parley/test/testenv"
)

func TestRunPrintsHelp(t *testing.T) {
	for _, arg := range []string{"help", "-h", "-help", "--help"} {
		t.Run(strings.TrimLeft(arg, "-"), func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run([]string{arg}, []string{"PARLEY_TOKEN_TTL=abc"}, &stdout, &stderr)
			require.Equal(t, exitOK, code, "help needs no valid configuration")
			require.Equal(t, usage, stdout.String())
			require.Empty(t, stderr.String())
		})
	}
}

func TestRunNamesAnUnknownCommand(t *testing.T) {
	var stdout, stderr bytes.Buffer
	code := run([]string{"nonsense"}, nil, &stdout, &stderr)
	require.Equal(t, exitUsage, code)
	require.Empty(t, stdout.String())
	first, rest, _ := strings.Cut(stderr.String(), "\n")
	require.Equal(t, `parley: unknown command "nonsense"`, first)
	require.Contains(t, rest, "usage: parley")
}

// TestStartupFailures runs the binary against each way a start can fail and
// wants the one line an operator needs: the variable and the cause, exit 1,
// none of fx's stack traces.
func TestStartupFailures(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := testenv.Binary(t)

	taken, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	t.Cleanup(func() { _ = taken.Close() })
	takenAddr := taken.Addr().String()
	missingDir := filepath.Join(t.TempDir(), "no", "such", "dir")

	tests := []struct {
		name string
		args []string
		env  []string
		want string
	}{
		{
			"database_unreachable", nil,
			[]string{"PARLEY_DATABASE_URL=postgres://nobody@127.0.0.1:1/parley?sslmode=disable&connect_timeout=2"},
			"parley: PARLEY_DATABASE_URL: open database: ping database: ",
		},
		{
			"migrate_database_unreachable", []string{"migrate"},
			[]string{"PARLEY_DATABASE_URL=postgres://nobody@127.0.0.1:1/parley?sslmode=disable&connect_timeout=2"},
			"parley: PARLEY_DATABASE_URL: open database: ping database: ",
		},
		{
			"sqlite_directory_missing", nil,
			[]string{"PARLEY_DATABASE_URL=sqlite:" + filepath.Join(missingDir, "parley.db")},
			"parley: PARLEY_DATABASE_URL: open database: open sqlite database " + filepath.Join(missingDir, "parley.db") +
				": directory " + missingDir + " does not exist",
		},
		{
			"port_in_use", nil,
			[]string{"PARLEY_HTTP_ADDR=" + takenAddr},
			"parley: PARLEY_HTTP_ADDR: listen on " + takenAddr + ": bind: address already in use",
		},
		{
			"metrics_port_in_use", nil,
			[]string{"PARLEY_HTTP_ADDR=127.0.0.1:0", "PARLEY_METRICS_ADDR=" + takenAddr},
			"parley: PARLEY_METRICS_ADDR: listen on " + takenAddr + ": bind: address already in use",
		},
		{
			"unmigrated_database", nil,
			[]string{"PARLEY_HTTP_ADDR=127.0.0.1:0", "PARLEY_MIGRATE_ON_START=false"},
			"parley: PARLEY_MIGRATE_ON_START=false: the database has pending migrations: run `parley migrate` first",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// A configured secret keeps its warning out of the way: the
			// failure must be the only line.
			cmd := command(t, bin, append(tt.env, "PARLEY_JWT_SECRET="+strings.Repeat("k", 32))...)
			cmd.Args = append(cmd.Args, tt.args...)
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			err := cmd.Run()

			var exit *exec.ExitError
			require.True(t, errors.As(err, &exit), "want a non-zero exit, got %v", err)
			require.Equal(t, 1, exit.ExitCode(), stderr.String())
			require.Empty(t, stdout.String())
			line, rest, _ := strings.Cut(stderr.String(), "\n")
			require.Empty(t, rest, "exactly one line, got %q", stderr.String())
			require.True(t, strings.HasPrefix(line, tt.want), "got %q, want it to start with %q", line, tt.want)
			require.NotContains(t, line, "stack")
		})
	}

	t.Run("help_exits_0", func(t *testing.T) {
		cmd := command(t, bin)
		cmd.Args = append(cmd.Args, "--help")
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		require.NoError(t, cmd.Run())
		require.Equal(t, usage, stdout.String())
		require.Empty(t, stderr.String())
	})

	t.Run("unknown_command_exits_2", func(t *testing.T) {
		cmd := command(t, bin)
		cmd.Args = append(cmd.Args, "nonsense")
		out, err := cmd.CombinedOutput()
		var exit *exec.ExitError
		require.True(t, errors.As(err, &exit), "want a non-zero exit, got %v", err)
		require.Equal(t, 2, exit.ExitCode())
		require.True(t, strings.HasPrefix(string(out), `parley: unknown command "nonsense"`+"\n"), string(out))
	})
}
