package httpapi

import (
	"fmt"
	"strings"

	"github.com/gin-gonic/gin"
	"go.uber.org/zap"

	"github.com/parley-chat/parley/application"
	"github.com/parley-chat/parley/domain"
)

// claimsKey holds the verified token claims in the gin context.
type claimsKey struct{}

// authMiddleware admits only requests with a valid bearer token and keeps its
// claims for the handler; every failure is 401 with WWW-Authenticate.
func authMiddleware(auth *application.Authenticate, logger *zap.Logger) gin.HandlerFunc {
	return func(c *gin.Context) {
		token, ok := bearerToken(c.GetHeader("Authorization"))
		if !ok {
			abortWithError(c, logger, fmt.Errorf("no bearer token: %w", domain.ErrUnauthenticated))
			return
		}
		claims, err := auth.Execute(token)
		if err != nil {
			abortWithError(c, logger, err)
			return
		}
		c.Set(claimsKey{}, claims)
		c.Next()
	}
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

// claimsOf returns the claims the auth middleware verified.
func claimsOf(c *gin.Context) (application.TokenClaims, bool) {
	v, ok := c.Get(claimsKey{})
	if !ok {
		return application.TokenClaims{}, false
	}
	claims, ok := v.(application.TokenClaims)
	return claims, ok
}

// errNoClaims answers a route that was wired without the auth middleware.
var errNoClaims = fmt.Errorf("no verified claims: %w", domain.ErrUnauthenticated)

// actorOf returns the authenticated caller.
func actorOf(c *gin.Context) (domain.Actor, error) {
	claims, ok := claimsOf(c)
	if !ok {
		return domain.Actor{}, errNoClaims
	}
	return claims.Actor, nil
}
