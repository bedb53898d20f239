package httpapi

import (
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"
)

// languageKey holds the negotiated language in the gin context.
type languageKey struct{}

// languageMiddleware picks the language of error texts from Accept-Language
// and announces it in Content-Language on every response.
func languageMiddleware() gin.HandlerFunc {
	return func(c *gin.Context) {
		lang := negotiateLanguage(c.GetHeader("Accept-Language"))
		c.Set(languageKey{}, boxedLanguage(lang))
		setFixedHeader(c, "Content-Language", languageValue(lang))
		c.Next()
	}
}

// languageOf returns the language negotiated for the request.
func languageOf(c *gin.Context) string {
	if v, ok := c.Get(languageKey{}); ok {
		if lang, ok := v.(string); ok {
			return lang
		}
	}
	return langEnglish
}

// negotiateLanguage returns the supported language with the highest q-value
// in header (earlier entries win ties), or English.
func negotiateLanguage(header string) string {
	best, bestQ := langEnglish, 0.0
	for entry := range strings.SplitSeq(header, ",") {
		tag, params, _ := strings.Cut(entry, ";")
		tag = strings.ToLower(strings.TrimSpace(tag))
		primary, _, _ := strings.Cut(tag, "-")
		q, ok := qValue(params)
		if !ok || q <= bestQ {
			continue
		}
		switch primary {
		case langGerman, langEnglish:
			best, bestQ = primary, q
		case "*":
			best, bestQ = langEnglish, q
		}
	}
	return best
}

// qValue reads the q parameter of an Accept-Language entry (1 when absent).
func qValue(params string) (float64, bool) {
	for p := range strings.SplitSeq(params, ";") {
		name, value, _ := strings.Cut(strings.TrimSpace(p), "=")
		if strings.EqualFold(strings.TrimSpace(name), "q") {
			q, err := strconv.ParseFloat(strings.TrimSpace(value), 64)
			if err != nil || q < 0 || q > 1 {
				return 0, false
			}
			return q, true
		}
	}
	return 1, true
}
