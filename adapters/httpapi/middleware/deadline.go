package middleware

import (
	"context"
	"time"

	"github.com/gin-gonic/gin"
)

// Deadline gives the request's context a deadline, so that use
// cases and database calls stop once the request has run too long; they then
// fail with context.DeadlineExceeded, which answers 503.
func Deadline(timeout time.Duration) gin.HandlerFunc {
	return func(c *gin.Context) {
		ctx, cancel := context.WithTimeout(c.Request.Context(), timeout)
		defer cancel()
		c.Request = c.Request.WithContext(ctx)
		c.Next()
	}
}
