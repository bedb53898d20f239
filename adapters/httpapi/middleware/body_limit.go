package middleware

import (
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"github.com/parley-chat/parley/adapters/httpapi/jsonapi"
)

// BodyLimit refuses a declared oversized body at once and caps the
// reader for bodies of unknown length; decoding reports the overflow.
func BodyLimit(limit int64, fail Fail) gin.HandlerFunc {
	return func(c *gin.Context) {
		if c.Request.ContentLength > limit {
			fail(c, ErrPayloadTooLarge(limit))
			return
		}
		if c.Request.Body != nil {
			c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, limit)
		}
		c.Next()
	}
}

// ErrPayloadTooLarge is the 413 answer for a body over limit bytes.
func ErrPayloadTooLarge(limit int64) error {
	return &jsonapi.Problem{Status: http.StatusRequestEntityTooLarge, Code: CodePayloadTooLarge,
		Key: KeyPayloadTooLarge, Arg: strconv.FormatInt(limit, 10)}
}
