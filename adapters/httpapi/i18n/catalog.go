// Package i18n holds the message catalogs of the HTTP edge and picks the
// language of a request. It knows no Parley type: the catalogs are JSON
// files in catalog/, one per language, and the values they quote (the
// limits of a rule) are handed in by the caller when it loads them.
package i18n

import (
	"embed"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
)

//go:embed catalog/*.json
var files embed.FS

// texts is one language's catalog file.
type texts struct {
	Titles  map[string]string `json:"titles"`
	Details map[string]string `json:"details"`
}

// Catalog holds, per language, the title of every error code and the text of
// every detail key.
type Catalog struct {
	langs map[string]texts
}

// Load reads the catalogs of every supported language, replacing each
// "{name}" of vars in the texts by its value. "{}" and "{n}" are left for
// the caller to fill per message.
func Load(vars map[string]string) (*Catalog, error) {
	c := &Catalog{langs: map[string]texts{}}
	for _, lang := range []string{English, German} {
		raw, err := files.ReadFile("catalog/" + lang + ".json")
		if err != nil {
			return nil, fmt.Errorf("read %s catalog: %w", lang, err)
		}
		var t texts
		if err := json.Unmarshal(raw, &t); err != nil {
			return nil, fmt.Errorf("parse %s catalog: %w", lang, err)
		}
		for key, text := range t.Details {
			for name, value := range vars {
				text = strings.ReplaceAll(text, "{"+name+"}", value)
			}
			t.Details[key] = text
		}
		c.langs[lang] = t
	}
	return c, nil
}

// Title returns the title of code in lang, without falling back to English.
func (c *Catalog) Title(lang, code string) (string, bool) {
	t, ok := c.langs[lang].Titles[code]
	return t, ok
}

// Detail returns the detail text of key in lang, without falling back to
// English.
func (c *Catalog) Detail(lang, key string) (string, bool) {
	t, ok := c.langs[lang].Details[key]
	return t, ok
}

// Keys returns the sorted title codes and detail keys of lang's catalog.
func (c *Catalog) Keys(lang string) (titles, details []string) {
	for code := range c.langs[lang].Titles {
		titles = append(titles, code)
	}
	for key := range c.langs[lang].Details {
		details = append(details, key)
	}
	sort.Strings(titles)
	sort.Strings(details)
	return titles, details
}
