package application

import (
	"fmt"

	"github.com/parley-chat/parley/domain"
)

// Authenticate turns a bearer token into the caller's claims.
type Authenticate struct {
	verifier TokenVerifier
	revoked  *RevocationList
	clock    Clock
}

// NewAuthenticate returns the use case.
func NewAuthenticate(verifier TokenVerifier, revoked *RevocationList, clock Clock) *Authenticate {
	return &Authenticate{verifier: verifier, revoked: revoked, clock: clock}
}

// Execute verifies token and checks that it was not revoked. Every failure is
// domain.ErrUnauthenticated.
func (uc *Authenticate) Execute(token string) (TokenClaims, error) {
	claims, err := uc.verifier.Verify(token, uc.clock.Now())
	if err != nil {
		return TokenClaims{}, err
	}
	if uc.revoked.Contains(claims.ID) || !uc.revoked.Accepts(claims) {
		return TokenClaims{}, fmt.Errorf("token revoked: %w", domain.ErrUnauthenticated)
	}
	return claims, nil
}

// Recheck tells whether claims verified earlier still hold: the token has
// not expired, been revoked, or been cut off by a password change or a
// deactivation since. Long-lived requests (event streams) call it while
// they run; it reads only memory.
func (uc *Authenticate) Recheck(claims TokenClaims) error {
	if !uc.clock.Now().Before(claims.ExpiresAt) {
		return fmt.Errorf("token expired: %w", domain.ErrUnauthenticated)
	}
	if uc.revoked.Contains(claims.ID) || !uc.revoked.Accepts(claims) {
		return fmt.Errorf("token revoked: %w", domain.ErrUnauthenticated)
	}
	return nil
}
