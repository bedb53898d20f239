package application

import (
	"context"
	"fmt"

	"github.com/parley-chat/parley/domain"
)

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
