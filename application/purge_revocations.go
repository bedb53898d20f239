package application

import (
	"context"
	"time"

	"github.com/parley-chat/parley/domain"
)

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
