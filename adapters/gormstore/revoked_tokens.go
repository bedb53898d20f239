package gormstore

import (
	"context"
	"time"

	"github.com/parley-chat/parley/domain"
)

// RevokedTokens remembers revoked tokens for every replica.
type RevokedTokens struct {
	s *Store
}

var _ domain.RevokedTokenRepository = (*RevokedTokens)(nil)

// NewRevokedTokens returns the revoked token repository of s.
func NewRevokedTokens(s *Store) *RevokedTokens { return &RevokedTokens{s: s} }

// Revoke records the token id; revoking it again changes nothing.
func (r *RevokedTokens) Revoke(ctx context.Context, token domain.RevokedToken) error {
	ctx, cancel := r.s.bound(ctx)
	defer cancel()
	err := r.s.conn(ctx).Exec(
		"INSERT INTO revoked_tokens (id, expires_at, revoked_at) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING",
		token.ID, at(token.ExpiresAt), at(token.RevokedAt)).Error
	return translate("revoke token", err)
}

type revokedTokenRow struct {
	ID                   string
	ExpiresAt, RevokedAt dbTime
}

// RevokedSince returns the revocations recorded at or after since whose
// tokens expire after now, oldest first, ties by id.
func (r *RevokedTokens) RevokedSince(ctx context.Context, since time.Time, now time.Time) ([]domain.RevokedToken, error) {
	ctx, cancel := r.s.bound(ctx)
	defer cancel()
	rows, err := queryRows(r.s.conn(ctx),
		"SELECT id, expires_at, revoked_at FROM revoked_tokens WHERE revoked_at >= ? AND expires_at > ? ORDER BY revoked_at, id",
		[]any{at(since), at(now)},
		func(t *revokedTokenRow) []any { return []any{&t.ID, &t.ExpiresAt, &t.RevokedAt} })
	if err != nil {
		return nil, translate("list revoked tokens", err)
	}
	tokens := make([]domain.RevokedToken, len(rows))
	for i, row := range rows {
		tokens[i] = domain.RevokedToken{ID: row.ID, ExpiresAt: row.ExpiresAt.Time, RevokedAt: row.RevokedAt.Time}
	}
	return tokens, nil
}

// DeleteExpired removes revocations of tokens that expired before now.
func (r *RevokedTokens) DeleteExpired(ctx context.Context, now time.Time) error {
	ctx, cancel := r.s.bound(ctx)
	defer cancel()
	err := r.s.conn(ctx).Exec("DELETE FROM revoked_tokens WHERE expires_at < ?", at(now)).Error
	return translate("delete expired revocations", err)
}
