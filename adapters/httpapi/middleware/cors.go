// Package middleware holds the Gin middlewares of the HTTP edge.
package middleware

import (
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/rs/cors"
)

// corsMaxAge is how long, in seconds, a browser may cache a preflight.
const corsMaxAge = 600

// corsAllowedHeaders are the request headers a browser may send.
var corsAllowedHeaders = []string{
	"Authorization", "Content-Type", "Accept", "Accept-Language", "If-None-Match", "Last-Event-ID",
}

// corsExposedHeaders are the answer headers a browser's script may read.
var corsExposedHeaders = []string{
	"Authorization", "Location", "ETag", "Retry-After",
	"RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset", "X-Request-Id",
}

// corsAllowedMethods are the methods a browser may use across origins.
var corsAllowedMethods = []string{
	http.MethodGet, http.MethodHead, http.MethodPost, http.MethodPatch, http.MethodPut, http.MethodDelete,
}

// CORS answers preflights and adds the CORS headers for the allowed web
// origins ("*" alone allows every origin; no cookies are used). It returns
// nil when origins is empty: no CORS headers at all. A preflight is answered
// 204 here and goes no further, so it needs no token and is not rate limited.
func CORS(origins []string) gin.HandlerFunc {
	if len(origins) == 0 {
		return nil
	}
	c := cors.New(cors.Options{
		AllowedOrigins:       origins,
		AllowedMethods:       corsAllowedMethods,
		AllowedHeaders:       corsAllowedHeaders,
		ExposedHeaders:       corsExposedHeaders,
		MaxAge:               corsMaxAge,
		OptionsSuccessStatus: http.StatusNoContent,
	})
	return func(ctx *gin.Context) {
		r := ctx.Request
		if r.Method == http.MethodOptions && r.Header.Get("Origin") != "" &&
			r.Header.Get("Access-Control-Request-Method") != "" {
			c.HandlerFunc(ctx.Writer, r) // sets 204 and the preflight headers
			ctx.Writer.WriteHeaderNow()
			ctx.Abort()
			return
		}
		c.HandlerFunc(ctx.Writer, r)
		ctx.Next()
	}
}
