package application

import (
	"context"
	"sync"
	"time"

	"github.com/parley-chat/parley/domain"
)

// RevocationList is the in-memory set of revoked, unexpired token ids that
// authentication consults on every request, so that no request pays a
// database round trip for it. Sign-out adds to it at once; Sync pulls what
// other replicas revoked.
type RevocationList struct {
	repo  domain.RevokedTokenRepository
	clock Clock

	mu       sync.RWMutex
	revoked  map[string]time.Time
	syncedTo time.Time

	// cutoffRepo and cutoffs follow per-user token cutoffs (see
	// revocation_cutoffs.go); cutoffRepo is nil until FollowCutoffs.
	cutoffRepo domain.TokenCutoffRepository
	cutoffs    map[domain.ID]domain.TokenCutoff
}

// revocationOverlap re-reads a little of the past on every sync, so that a
// revocation stamped by another replica shortly before it committed, or by a
// clock slightly behind ours, is not missed.
const revocationOverlap = 5 * time.Second

// NewRevocationList returns an empty list backed by repo.
func NewRevocationList(repo domain.RevokedTokenRepository, clock Clock) *RevocationList {
	return &RevocationList{repo: repo, clock: clock, revoked: map[string]time.Time{}}
}

// Contains reports whether token id is revoked.
func (l *RevocationList) Contains(id string) bool {
	l.mu.RLock()
	defer l.mu.RUnlock()
	_, ok := l.revoked[id]
	return ok
}

// Add marks id as revoked until expiresAt on this replica.
func (l *RevocationList) Add(id string, expiresAt time.Time) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.revoked[id] = expiresAt
}

// Sync loads revocations recorded since the last sync and forgets expired
// ones.
func (l *RevocationList) Sync(ctx context.Context) error {
	now := l.clock.Now()
	l.mu.RLock()
	since := l.syncedTo
	l.mu.RUnlock()
	if !since.IsZero() {
		since = since.Add(-revocationOverlap)
	}
	tokens, err := l.repo.RevokedSince(ctx, since, now)
	if err != nil {
		return err
	}
	if err := l.syncCutoffs(ctx, since); err != nil {
		return err
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, t := range tokens {
		l.revoked[t.ID] = t.ExpiresAt
	}
	l.syncedTo = now
	for id, exp := range l.revoked {
		if exp.Before(now) {
			delete(l.revoked, id)
		}
	}
	return nil
}
