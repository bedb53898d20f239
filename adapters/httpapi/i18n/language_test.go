package i18n_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/parley-chat/parley/adapters/httpapi/i18n"
)

func TestNegotiate(t *testing.T) {
	t.Parallel()
	cases := map[string]string{
		"":                         i18n.English,
		"de":                       i18n.German,
		"de-CH":                    i18n.German,
		"DE-at":                    i18n.German,
		"en-US":                    i18n.English,
		"fr":                       i18n.English,
		"fr, de;q=0.1":             i18n.German,
		"de-DE, en;q=0.5":          i18n.German,
		"de;q=0.4, en;q=0.8":       i18n.English,
		"en;q=0.4, de;q=0.8":       i18n.German,
		"de;q=0, en;q=0.1":         i18n.English,
		"de;q=0":                   i18n.English,
		"de;q=abc, en;q=0.2":       i18n.English,
		"*;q=0.5, de;q=0.6":        i18n.German,
		"de;q=0.5, *;q=0.5":        i18n.German,
		" de ; q = 0.9 , en;q=0.3": i18n.German,
		"not a language tag!":      i18n.English,
	}
	for header, want := range cases {
		require.Equal(t, want, i18n.Negotiate(header), "Accept-Language: %q", header)
	}
}
