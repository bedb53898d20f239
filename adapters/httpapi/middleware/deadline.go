package middleware

import (
	"context"
	"slices"
	"time"

	"github.com/gin-gonic/gin"
)

// Deadline gives the request's context a deadline, so that use
// cases and database calls stop once the request has run too long; they then
// fail with context.DeadlineExceeded, which answers 503. Requests to the
// streaming paths are left without one: a stream lives as long as its
// client stays, and each of its database calls has the store's own bound.
func Deadline(timeout time.Duration, streaming ...string) gin.HandlerFunc {
	return func(c *gin.Context) {
		if slices.Contains(streaming, c.Request.URL.Path) {
			c.Next()
			return
		}
		ctx, cancel := context.WithTimeout(c.Request.Context(), timeout)
		defer cancel()
		c.Request = c.Request.WithContext(ctx)
		c.Next()
	}
}
