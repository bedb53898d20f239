package middleware

import (
	"errors"
	"fmt"
	"net/http"

	"github.com/gin-gonic/gin"
	"go.uber.org/zap"
)

// Recovery turns a panic in a handler into a 500 that reveals nothing, and
// logs the panic with the request id; fail must not log the error again.
func Recovery(logger *zap.Logger, fail Fail) gin.HandlerFunc {
	return func(c *gin.Context) {
		defer func() {
			v := recover()
			if v == nil {
				return
			}
			if err, ok := v.(error); ok && errors.Is(err, http.ErrAbortHandler) {
				// A deliberate abort of the response, not a failure worth a log line.
				c.Abort()
				return
			}
			logger.Error("handler panicked", zap.String("request_id", RequestIDOf(c)),
				zap.String("route", c.FullPath()), zap.String("panic", fmt.Sprint(v)), zap.StackSkip("stack", 2))
			if c.Writer.Written() {
				c.Abort()
				return
			}
			c.Writer.Header().Del("Location")
			c.Writer.Header().Del("Authorization")
			fail(c, errPanic)
		}()
		c.Next()
	}
}

// errPanic stands for a recovered panic; an error table that does not know
// it answers 500 internal.
var errPanic = errors.New("handler panicked")
