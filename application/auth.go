package application

import (
	"context"
	"fmt"
	"time"

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

// SignOut revokes the presented token.
type SignOut struct {
	repo    domain.RevokedTokenRepository
	revoked *RevocationList
	clock   Clock
}

// NewSignOut returns the use case.
func NewSignOut(repo domain.RevokedTokenRepository, revoked *RevocationList, clock Clock) *SignOut {
	return &SignOut{repo: repo, revoked: revoked, clock: clock}
}

// Execute records the revocation for every replica and refuses the token on
// this one at once.
func (uc *SignOut) Execute(ctx context.Context, claims TokenClaims) error {
	now := domain.Timestamp(uc.clock.Now())
	err := uc.repo.Revoke(ctx, domain.RevokedToken{ID: claims.ID, ExpiresAt: claims.ExpiresAt, RevokedAt: now})
	if err != nil {
		return fmt.Errorf("revoke token: %w", err)
	}
	uc.revoked.Add(claims.ID, claims.ExpiresAt)
	return nil
}

// PurgeRevocations deletes revocations of tokens that have expired anyway.
type PurgeRevocations struct {
	repo  domain.RevokedTokenRepository
	clock Clock
}

// NewPurgeRevocations returns the use case.
func NewPurgeRevocations(repo domain.RevokedTokenRepository, clock Clock) *PurgeRevocations {
	return &PurgeRevocations{repo: repo, clock: clock}
}

// Execute deletes expired revocations.
func (uc *PurgeRevocations) Execute(ctx context.Context) error {
	return uc.repo.DeleteExpired(ctx, uc.clock.Now().Add(-time.Minute))
}
