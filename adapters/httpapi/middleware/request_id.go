package middleware

import (
	"github.com/gin-gonic/gin"

	"github.com/parley-chat/parley/domain"
)

// HeaderRequestID carries the request id in both directions.
const HeaderRequestID = "X-Request-ID"

// maxRequestIDLength bounds an incoming request id, so that a client cannot
// flood the logs through it.
const maxRequestIDLength = 128

// requestIDKey holds the request id in the gin context.
type requestIDKey struct{}

// RequestID adopts a sane incoming X-Request-ID or generates one,
// and echoes it on the response.
func RequestID() gin.HandlerFunc {
	return func(c *gin.Context) {
		id := c.GetHeader(HeaderRequestID)
		if !saneRequestID(id) {
			id = domain.NewID().String()
		}
		c.Set(requestIDKey{}, id)
		c.Header(HeaderRequestID, id)
		c.Next()
	}
}

// RequestIDOf returns the id of the request, empty before the middleware ran.
func RequestIDOf(c *gin.Context) string {
	if v, ok := c.Get(requestIDKey{}); ok {
		if id, ok := v.(string); ok {
			return id
		}
	}
	return ""
}

// saneRequestID accepts 1..128 visible ASCII characters that cannot break a
// log line or a header: letters, digits and - _ . : /.
func saneRequestID(id string) bool {
	if id == "" || len(id) > maxRequestIDLength {
		return false
	}
	for i := 0; i < len(id); i++ {
		b := id[i]
		switch {
		case b >= 'a' && b <= 'z', b >= 'A' && b <= 'Z', b >= '0' && b <= '9':
		case b == '-', b == '_', b == '.', b == ':', b == '/':
		default:
			return false
		}
	}
	return true
}
