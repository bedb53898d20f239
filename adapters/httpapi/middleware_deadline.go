package httpapi

import (
	"context"
	"time"

	"github.com/gin-gonic/gin"
)

// DefaultRequestTimeout bounds a request when RouterConfig sets no
// RequestTimeout. It stays under the server's write timeout, so that a
// request cut off by it can still be answered.
const DefaultRequestTimeout = 25 * time.Second

// deadlineMiddleware gives the request's context a deadline, so that use
// cases and database calls stop once the request has run too long; they then
// fail with context.DeadlineExceeded, which answers 503.
func deadlineMiddleware(timeout time.Duration) gin.HandlerFunc {
	return func(c *gin.Context) {
		ctx, cancel := context.WithTimeout(c.Request.Context(), timeout)
		defer cancel()
		c.Request = c.Request.WithContext(ctx)
		c.Next()
	}
}
