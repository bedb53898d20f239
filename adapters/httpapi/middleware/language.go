package middleware

import (
	"github.com/gin-gonic/gin"

	"github.com/parley-chat/parley/adapters/httpapi/i18n"
)

// languageKey holds the negotiated language in the gin context.
type languageKey struct{}

// Language picks the language of error texts from Accept-Language
// and announces it in Content-Language on every response.
func Language() gin.HandlerFunc {
	return func(c *gin.Context) {
		lang := i18n.Negotiate(c.GetHeader("Accept-Language"))
		c.Set(languageKey{}, boxedLanguage(lang))
		c.Writer.Header()["Content-Language"] = LanguageHeader(lang)
		c.Next()
	}
}

// LanguageOf returns the language negotiated for the request.
func LanguageOf(c *gin.Context) string {
	if v, ok := c.Get(languageKey{}); ok {
		if lang, ok := v.(string); ok {
			return lang
		}
	}
	return i18n.English
}

// Content-Language values are shared, pre-built slices, as httpapi's fixed
// headers are: net/http only reads them.
var (
	valueEnglish = []string{i18n.English}
	valueGerman  = []string{i18n.German}
)

// Boxed languages are stored in the gin context without converting the
// string to an interface value, which allocates, on every request.
var (
	boxedEnglish any = i18n.English
	boxedGerman  any = i18n.German
)

// boxedLanguage returns lang as a shared interface value.
func boxedLanguage(lang string) any {
	if lang == i18n.German {
		return boxedGerman
	}
	return boxedEnglish
}

// LanguageHeader returns the shared Content-Language value of lang.
func LanguageHeader(lang string) []string {
	if lang == i18n.German {
		return valueGerman
	}
	return valueEnglish
}
