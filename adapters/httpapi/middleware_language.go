package httpapi

import (
	"github.com/gin-gonic/gin"

	"github.com/parley-chat/parley/adapters/httpapi/i18n"
)

// languageKey holds the negotiated language in the gin context.
type languageKey struct{}

// languageMiddleware picks the language of error texts from Accept-Language
// and announces it in Content-Language on every response.
func languageMiddleware() gin.HandlerFunc {
	return func(c *gin.Context) {
		lang := i18n.Negotiate(c.GetHeader("Accept-Language"))
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
