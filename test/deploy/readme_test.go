package deploy_test

import (
	"os"
	"regexp"
	"slices"
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
