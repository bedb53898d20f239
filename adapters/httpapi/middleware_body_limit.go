package httpapi

import (
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"
	"go.uber.org/zap"
)

// bodyLimitMiddleware refuses a declared oversized body at once and caps the
// reader for bodies of unknown length; decoding reports the overflow.
func bodyLimitMiddleware(limit int64, logger *zap.Logger) gin.HandlerFunc {
	return func(c *gin.Context) {
		if c.Request.ContentLength > limit {
			abortWithError(c, logger, errPayloadTooLarge(limit))
			return
		}
		if c.Request.Body != nil {
			c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, limit)
		}
		c.Next()
	}
}

// errPayloadTooLarge is the 413 answer for a body over limit bytes.
func errPayloadTooLarge(limit int64) error {
	return reject(http.StatusRequestEntityTooLarge, codePayloadTooLarge,
		message{key: msgPayloadTooLarge, arg: strconv.FormatInt(limit, 10)}, "")
}
