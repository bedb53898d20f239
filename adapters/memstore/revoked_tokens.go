package memstore

import (
	"context"
	"slices"
	"strings"
	"time"

	"github.com/parley-chat/parley/domain"
)

var _ domain.RevokedTokenRepository = (*RevokedTokens)(nil)

// RevokedTokens remembers the revoked tokens of a Store.
type RevokedTokens struct {
	s *Store
}

// NewRevokedTokens returns the revoked token repository of s.
func NewRevokedTokens(s *Store) *RevokedTokens { return &RevokedTokens{s: s} }

// Revoke records the token. Revoking an already revoked id succeeds and keeps
// the first record.
func (r *RevokedTokens) Revoke(ctx context.Context, token domain.RevokedToken) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	token.ExpiresAt = domain.Timestamp(token.ExpiresAt)
	token.RevokedAt = domain.Timestamp(token.RevokedAt)
	r.s.mu.Lock()
	defer r.s.mu.Unlock()
	if _, ok := r.s.revoked[token.ID]; !ok {
		r.s.revoked[token.ID] = token
	}
	return nil
}

// RevokedSince returns the revocations recorded at or after since whose
// tokens expire after now, oldest first, ties by id.
func (r *RevokedTokens) RevokedSince(ctx context.Context, since, now time.Time) ([]domain.RevokedToken, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	r.s.mu.RLock()
	var out []domain.RevokedToken
	for _, t := range r.s.revoked {
		if !t.RevokedAt.Before(since) && t.ExpiresAt.After(now) {
			out = append(out, t)
		}
	}
	r.s.mu.RUnlock()
	slices.SortFunc(out, func(a, b domain.RevokedToken) int {
		if c := a.RevokedAt.Compare(b.RevokedAt); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	return out, nil
}

// DeleteExpired removes revocations of tokens that expired before now.
func (r *RevokedTokens) DeleteExpired(ctx context.Context, now time.Time) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	r.s.mu.Lock()
	defer r.s.mu.Unlock()
	for id, t := range r.s.revoked {
		if t.ExpiresAt.Before(now) {
			delete(r.s.revoked, id)
		}
	}
	return nil
}
