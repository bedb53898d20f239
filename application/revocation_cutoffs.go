package application

import (
	"context"
	"fmt"
	"time"

	"github.com/parley-chat/parley/domain"
)

// FollowCutoffs makes the list also follow per-user token cutoffs (set by
// password changes and deactivations) from repo on every Sync, so that a
// cutoff set on one replica is applied by every other within one poll.
// Call it before the first Sync.
func (l *RevocationList) FollowCutoffs(repo domain.TokenCutoffRepository) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.cutoffRepo = repo
}

// AddCutoff applies c on this replica at once.
func (l *RevocationList) AddCutoff(c domain.TokenCutoff) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.putCutoff(c)
}

// Accepts reports whether claims survive their user's token cutoff.
func (l *RevocationList) Accepts(claims TokenClaims) bool {
	l.mu.RLock()
	c, ok := l.cutoffs[claims.Actor.UserID]
	l.mu.RUnlock()
	return !ok || c.Accepts(claims.ID, claims.IssuedAt)
}

// syncCutoffs loads the cutoffs set since since.
func (l *RevocationList) syncCutoffs(ctx context.Context, since time.Time) error {
	l.mu.RLock()
	repo := l.cutoffRepo
	l.mu.RUnlock()
	if repo == nil {
		return nil
	}
	cutoffs, err := repo.CutoffsSince(ctx, since)
	if err != nil {
		return fmt.Errorf("load token cutoffs: %w", err)
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, c := range cutoffs {
		l.putCutoff(c)
	}
	return nil
}

// putCutoff keeps the later of c and the known cutoff of its user. The
// caller holds the write lock.
func (l *RevocationList) putCutoff(c domain.TokenCutoff) {
	if l.cutoffs == nil {
		l.cutoffs = map[domain.ID]domain.TokenCutoff{}
	}
	if old, ok := l.cutoffs[c.UserID]; ok && old.ValidAfter.After(c.ValidAfter) {
		return
	}
	l.cutoffs[c.UserID] = c
}
