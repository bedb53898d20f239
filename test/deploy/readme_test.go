package deploy_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/parley-chat/parley/config"
)

// configurationTable returns the variables named in the first column of the
// README's configuration table.
func configurationTable(t *testing.T) []string {
	t.Helper()
	data, err := os.ReadFile(repoPath("README.md"))
	require.NoError(t, err)
	rows := regexp.MustCompile("(?m)^\\| `(PARLEY_[A-Z_]+)` \\|").FindAllStringSubmatch(string(data), -1)
	names := make([]string, 0, len(rows))
	for _, row := range rows {
		names = append(names, row[1])
	}
	return names
}

func TestReadmeDocumentsEveryVariable(t *testing.T) {
	documented := configurationTable(t)
	known := config.Names()
	slices.Sort(documented)
	slices.Sort(known)
	require.Equal(t, known, documented)
}

// readmeSection returns the README's section under the given heading, up to
// the next heading of the same level.
func readmeSection(t *testing.T, heading string) string {
	t.Helper()
	data, err := os.ReadFile(repoPath("README.md"))
	require.NoError(t, err)
	_, rest, ok := strings.Cut(string(data), "\n## "+heading+"\n")
	require.Truef(t, ok, "README has no %q section", heading)
	section, _, _ := strings.Cut(rest, "\n## ")
	return section
}

// testVariables returns every variable a test reads to pick its lane: the
// literals passed to os.Getenv and the PARLEY_TEST_ names of test/testenv.
func testVariables(t *testing.T) []string {
	t.Helper()
	read := regexp.MustCompile(`os\.Getenv\("([A-Z_]+)"\)|"(PARLEY_TEST_[A-Z_]+)"`)
	var names []string
	err := filepath.WalkDir(repoPath(), func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if !strings.HasSuffix(path, "_test.go") && !strings.Contains(path, filepath.Join("test", "testenv")) {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, m := range read.FindAllStringSubmatch(string(data), -1) {
			if name := m[1] + m[2]; !slices.Contains(names, name) {
				names = append(names, name)
			}
		}
		return nil
	})
	require.NoError(t, err)
	return names
}

func TestReadmeTestSectionNamesEveryLane(t *testing.T) {
	section := readmeSection(t, "Tests")
	names := testVariables(t)
	for _, want := range []string{"CI", "PARLEY_TEST_DATABASE_URL", "PARLEY_TEST_REDIS_URL", "PARLEY_SOAK_DURATION"} {
		require.Contains(t, names, want, "the scan must find the lane variables")
	}
	for _, name := range names {
		require.Containsf(t, section, "`"+name, "the README's Tests section does not say what %s does", name)
	}
	// The soak and deadline proofs need PostgreSQL: a plain run skips them.
	require.NotRegexp(t, "(?s)test/reliability/.{0,200}run\\s+in the same `go test \\./\\.\\.\\.`", section)
	require.Contains(t, section, "test/reliability/")
}
