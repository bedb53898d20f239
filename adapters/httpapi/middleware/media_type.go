package middleware

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/parley-chat/parley/adapters/httpapi/jsonapi"
)

// MediaType enforces the JSON:API media type rules: a request body
// must be JSON:API (or plain JSON), and an Accept header that names JSON:API
// must name it at least once without foreign parameters.
func MediaType(fail Fail) gin.HandlerFunc {
	return func(c *gin.Context) {
		if jsonapi.HasBody(c.Request) && !jsonapi.AcceptableContentType(c.GetHeader("Content-Type")) {
			fail(c, &jsonapi.Problem{Status: http.StatusUnsupportedMediaType, Code: CodeUnsupportedMediaType, Key: KeyUnsupportedMedia})
			return
		}
		if !jsonapi.Acceptable(c.Request.Header.Values("Accept")) {
			fail(c, &jsonapi.Problem{Status: http.StatusNotAcceptable, Code: CodeNotAcceptable, Key: KeyNotAcceptable})
			return
		}
		c.Next()
	}
}
