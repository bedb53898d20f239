package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestRunRefusesBadArguments(t *testing.T) {
	tests := []struct {
		name string
		args []string
	}{
		{"unknown_command", []string{"serv"}},
		{"flag", []string{"--help"}},
		{"extra_argument", []string{"migrate", "now"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stderr bytes.Buffer
			code := run(tt.args, nil, &stderr)
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
			code := run(tt.args, tt.environ, &stderr)
			require.Equal(t, exitUsage, code)
			require.Equal(t, tt.want, stderr.String())
		})
	}
}

func TestBinaryExitsTwoOnBadConfiguration(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := filepath.Join(t.TempDir(), "parley")
	build := exec.Command("go", "build", "-o", bin, ".")
	out, err := build.CombinedOutput()
	require.NoError(t, err, string(out))

	cmd := exec.Command(bin)
	cmd.Dir = t.TempDir()
	cmd.Env = append(withoutParleyVariables(os.Environ()), "PARLEY_TOKEN_TTL=abc")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err = cmd.Run()

	var exit *exec.ExitError
	require.True(t, errors.As(err, &exit), "want a non-zero exit, got %v", err)
	require.Equal(t, 2, exit.ExitCode())
	require.Equal(t, `parley: PARLEY_TOKEN_TTL: invalid duration "abc"`+"\n", stderr.String())
	require.Empty(t, stdout.String())
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
