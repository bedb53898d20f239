package i18n_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/parley-chat/parley/adapters/httpapi/i18n"
)

// TestLoadFillsTheGivenValues loads the embedded catalogs and checks that a
// named value is put into the texts while per-message markers stay.
func TestLoadFillsTheGivenValues(t *testing.T) {
	t.Parallel()
	c, err := i18n.Load(map[string]string{"max_name": "7"})
	require.NoError(t, err)
	en, ok := c.Detail(i18n.English, "rule.too_long.name")
	require.True(t, ok)
	require.Equal(t, "name must be at most 7 characters.", en)
	de, ok := c.Detail(i18n.German, "rule.too_long.name")
	require.True(t, ok)
	require.Equal(t, "name darf höchstens 7 Zeichen lang sein.", de)
	tooLong, _ := c.Detail(i18n.English, "reason.too_long")
	require.Contains(t, tooLong, "{n}")
	require.Contains(t, tooLong, "{}")
}

// TestLookupsDoNotFallBack keeps the catalogs' gaps visible: a key missing
// in a language is reported missing rather than answered in English.
func TestLookupsDoNotFallBack(t *testing.T) {
	t.Parallel()
	c, err := i18n.Load(nil)
	require.NoError(t, err)
	title, ok := c.Title(i18n.German, "not_found")
	require.True(t, ok)
	require.Equal(t, "Nicht gefunden", title)
	_, ok = c.Title("fr", "not_found")
	require.False(t, ok)
	_, ok = c.Detail(i18n.English, "no.such.key")
	require.False(t, ok)
	titles, details := c.Keys(i18n.German)
	require.Contains(t, titles, "not_found")
	require.Contains(t, details, "not_found")
}
