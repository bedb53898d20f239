// Package tokens signs and verifies bearer tokens as HS256 JWTs behind the
// application's TokenIssuer and TokenVerifier ports.
package tokens

import (
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"github.com/parley-chat/parley/application"
	"github.com/parley-chat/parley/domain"
)

var (
	_ application.TokenIssuer   = (*JWT)(nil)
	_ application.TokenVerifier = (*JWT)(nil)
)

// Issuer is the iss claim of every token, checked on verification.
const Issuer = "parley"

// errNoSecret guards against signing with an empty key, which anyone could
// reproduce.
var errNoSecret = errors.New("empty signing secret")

// claims is the token payload: the registered claims plus the account and
// role of the actor.
type claims struct {
	jwt.RegisteredClaims
	Account string `json:"acct"`
	Role    string `json:"role"`
	// IssuedMs is the issue time in Unix milliseconds: iat has whole
	// seconds only, too coarse to tell a token issued just before a
	// password change from one issued just after it.
	IssuedMs int64 `json:"iat_ms,omitempty"`
}

// JWT issues and verifies HS256-signed tokens with a fixed lifetime.
type JWT struct {
	secret   []byte
	ttl      time.Duration
	verified *verifiedCache
}

// NewJWT returns a signer keyed with secret whose tokens live for ttl.
func NewJWT(secret []byte, ttl time.Duration) *JWT {
	return &JWT{secret: slices.Clone(secret), ttl: ttl, verified: &verifiedCache{}}
}

// Issue signs a token for actor, issued at now and expiring ttl later, with a
// new UUIDv7 as its id.
func (j *JWT) Issue(actor domain.Actor, now time.Time) (application.IssuedToken, error) {
	if len(j.secret) == 0 {
		return application.IssuedToken{}, errNoSecret
	}
	id := domain.NewID().String()
	exp := jwt.NewNumericDate(now.Add(j.ttl))
	c := claims{
		RegisteredClaims: jwt.RegisteredClaims{
			Issuer:    Issuer,
			Subject:   actor.UserID.String(),
			ExpiresAt: exp,
			IssuedAt:  jwt.NewNumericDate(now),
			ID:        id,
		},
		Account:  actor.AccountID.String(),
		Role:     string(actor.Role),
		IssuedMs: now.UnixMilli(),
	}
	signed, err := jwt.NewWithClaims(jwt.SigningMethodHS256, c).SignedString(j.secret)
	if err != nil {
		return application.IssuedToken{}, fmt.Errorf("sign token: %w", err)
	}
	return application.IssuedToken{Value: signed, ID: id, ExpiresAt: exp.UTC()}, nil
}
