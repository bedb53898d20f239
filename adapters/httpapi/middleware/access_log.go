package middleware

import (
	"time"

	"github.com/gin-gonic/gin"
	"go.uber.org/zap"
)

// AccessLog writes one line per request. It names the route
// template rather than the URL and never logs bodies, headers or query
// values, which may hold tokens, passwords or search text.
func AccessLog(logger *zap.Logger) gin.HandlerFunc {
	return func(c *gin.Context) {
		start := time.Now()
		c.Next()
		// Checking the level first skips building the fields, the client
		// address among them, when access lines are not written.
		ce := logger.Check(zap.InfoLevel, "request")
		if ce == nil {
			return
		}
		ce.Write(
			zap.String("method", c.Request.Method),
			zap.String("route", c.FullPath()),
			zap.Int("status", c.Writer.Status()),
			zap.Duration("latency", time.Since(start)),
			zap.String("request_id", RequestIDOf(c)),
			zap.String("client_ip", c.ClientIP()),
			zap.Int("bytes", c.Writer.Size()),
		)
	}
}
