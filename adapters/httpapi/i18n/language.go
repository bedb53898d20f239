package i18n

import "golang.org/x/text/language"

// Languages the catalogs are written in; English is the fallback.
const (
	English = "en"
	German  = "de"
)

// supported lists the catalogs' languages in the matcher's order: the first
// is the default.
var supported = []string{English, German}

// matcher picks among the supported languages; its tags are in the order of
// supported.
var matcher = language.NewMatcher([]language.Tag{language.English, language.German})

// Negotiate returns the supported language an Accept-Language header prefers
// most, honouring q-values: `de` and regional variants such as `de-CH` give
// German. An empty or invalid header, or one that names no supported
// language, gives English.
func Negotiate(header string) string {
	tags, _, err := language.ParseAcceptLanguage(header)
	if err != nil || len(tags) == 0 {
		return English
	}
	_, index, confidence := matcher.Match(tags...)
	if confidence == language.No {
		return English
	}
	return supported[index]
}
