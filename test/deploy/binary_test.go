package deploy_test

import (
	"debug/elf"
	"os"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/parley-chat/parley/test/testenv"
)

// maxBinaryBytes bounds the size of the stripped server binary: about 29.7 MB
// today, most of it the standard library, the two database drivers,
// Prometheus with protobuf, and the HTTP/3, BSON, YAML and TOML codecs Gin
// links in unconditionally (docs/BENCHMARKS.md has the breakdown). The bound
// leaves a little room but catches a dependency that brings back megabytes,
// as go-redis once did with 8 MB.
const maxBinaryBytes = 32 << 20

func TestMain(m *testing.M) {
	testenv.Main(m)
}

func TestStaticBinary(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the whole server")
	}
	// testenv builds the server exactly as the Dockerfile does.
	path := testenv.Binary(t)

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
