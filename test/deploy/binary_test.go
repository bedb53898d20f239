package deploy_test

import (
	"debug/elf"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

// maxBinaryBytes bounds the size of the stripped server binary: about 29.7 MB
// today, most of it the standard library, the two database drivers,
// Prometheus with protobuf, and the HTTP/3, BSON, YAML and TOML codecs Gin
// links in unconditionally (docs/BENCHMARKS.md has the breakdown). The bound
// leaves a little room but catches a dependency that brings back megabytes,
// as go-redis once did with 8 MB.
const maxBinaryBytes = 32 << 20

// buildStatic builds the server exactly as the Dockerfile does and returns
// the binary's path.
func buildStatic(t *testing.T) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "parley")
	cmd := exec.Command("go", "build", "-tags", "nomsgpack", "-trimpath", "-ldflags=-s -w", "-o", out, ".")
	cmd.Dir = repoPath()
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	output, err := cmd.CombinedOutput()
	require.NoErrorf(t, err, "go build: %s", output)
	return out
}

func TestStaticBinary(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the whole server")
	}
	path := buildStatic(t)

	info, err := os.Stat(path)
	require.NoError(t, err)
	require.LessOrEqualf(t, info.Size(), int64(maxBinaryBytes), "binary is %d bytes", info.Size())

	f, err := elf.Open(path)
	require.NoError(t, err)
	t.Cleanup(func() { require.NoError(t, f.Close()) })
	for _, prog := range f.Progs {
		require.NotEqual(t, elf.PT_INTERP, prog.Type, "binary asks for a dynamic loader")
		require.NotEqual(t, elf.PT_DYNAMIC, prog.Type, "binary has a dynamic section")
	}
	require.Nil(t, f.Section(".interp"))
	require.Nil(t, f.Section(".dynamic"))
	require.Nil(t, f.Section(".symtab"), "binary is not stripped")
}
