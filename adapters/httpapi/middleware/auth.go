package middleware

import (
	"fmt"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/parley-chat/parley/application"
	"github.com/parley-chat/parley/domain"
)

// claimsKey holds the verified token claims in the gin context.
type claimsKey struct{}

// Auth admits only requests with a valid bearer token and keeps its
// claims for the handler; every failure is 401 with WWW-Authenticate.
func Auth(auth *application.Authenticate, fail Fail) gin.HandlerFunc {
	return func(c *gin.Context) {
		claims, err := Authenticate(auth, c.GetHeader("Authorization"))
		if err != nil {
			fail(c, err)
			return
		}
		c.Set(claimsKey{}, claims)
		c.Next()
	}
}

// Authenticate verifies the token of an Authorization header.
func Authenticate(auth *application.Authenticate, header string) (application.TokenClaims, error) {
	token, ok := bearerToken(header)
	if !ok {
		return application.TokenClaims{}, fmt.Errorf("no bearer token: %w", domain.ErrUnauthenticated)
	}
	return auth.Execute(token)
}

// bearerToken extracts the token of an "Authorization: Bearer <token>"
// header; the scheme is case-insensitive.
func bearerToken(header string) (string, bool) {
	scheme, token, ok := strings.Cut(header, " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return "", false
	}
	token = strings.TrimSpace(token)
	return token, token != ""
}

// ClaimsOf returns the claims the auth middleware verified.
func ClaimsOf(c *gin.Context) (application.TokenClaims, bool) {
	v, ok := c.Get(claimsKey{})
	if !ok {
		return application.TokenClaims{}, false
	}
	claims, ok := v.(application.TokenClaims)
	return claims, ok
}

// ErrNoClaims answers a route that was wired without the auth middleware.
var ErrNoClaims = fmt.Errorf("no verified claims: %w", domain.ErrUnauthenticated)

// ActorOf returns the authenticated caller.
func ActorOf(c *gin.Context) (domain.Actor, error) {
	claims, ok := ClaimsOf(c)
	if !ok {
		return domain.Actor{}, ErrNoClaims
	}
	return claims.Actor, nil
}
