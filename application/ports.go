package application

import (
	"time"

	"github.com/parley-chat/parley/domain"
)

// Clock tells the time. Use cases never call time.Now directly, so tests can
// pin it.
type Clock interface {
	Now() time.Time
}

// SystemClock is the wall clock.
type SystemClock struct{}

// Now returns the current time in UTC.
func (SystemClock) Now() time.Time { return time.Now().UTC() }

// PasswordHasher hashes passwords with a slow salted algorithm.
type PasswordHasher interface {
	// Hash returns an encoded salted hash of password.
	Hash(password string) (string, error)
	// Verify reports whether password matches hash. A malformed hash is an
	// error; a mismatch is (false, nil).
	Verify(hash, password string) (bool, error)
}

// IssuedToken is a signed bearer token and what the server remembers of it.
type IssuedToken struct {
	Value     string
	ID        string
	ExpiresAt time.Time
}

// TokenClaims are the verified contents of a bearer token.
type TokenClaims struct {
	Actor     domain.Actor
	ID        string
	ExpiresAt time.Time
	// IssuedAt is when the token was issued, to the millisecond.
	IssuedAt time.Time
}

// TokenIssuer signs bearer tokens for an actor.
type TokenIssuer interface {
	// Issue returns a new token for actor, valid from now for the configured
	// lifetime, with a unique id.
	Issue(actor domain.Actor, now time.Time) (IssuedToken, error)
}

// TokenVerifier checks bearer tokens.
type TokenVerifier interface {
	// Verify checks the signature, algorithm and expiry (against now) of
	// token and returns its claims. Every failure is domain.ErrUnauthenticated
	// (wrapped).
	Verify(token string, now time.Time) (TokenClaims, error)
}
