package gormstore

import (
	"context"
	"time"

	"gorm.io/gorm/clause"

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
	row := revokedTokenRowOf(token)
	err := r.s.conn(ctx).Clauses(clause.OnConflict{Columns: []clause.Column{{Name: "id"}}, DoNothing: true}).Create(&row).Error
	return translate("revoke token", err)
}

// RevokedSince returns the revocations recorded at or after since whose
// tokens expire after now, oldest first, ties by id.
func (r *RevokedTokens) RevokedSince(ctx context.Context, since time.Time, now time.Time) ([]domain.RevokedToken, error) {
	ctx, cancel := r.s.bound(ctx)
	defer cancel()
	var rows []revokedTokenRow
	err := r.s.conn(ctx).Where("revoked_at >= ? AND expires_at > ?", at(since), at(now)).
		Order("revoked_at, id").Find(&rows).Error
	if err != nil {
		return nil, translate("list revoked tokens", err)
	}
	tokens := make([]domain.RevokedToken, len(rows))
	for i, row := range rows {
		tokens[i] = row.domain()
	}
	return tokens, nil
}

// DeleteExpired removes revocations of tokens that expired before now.
func (r *RevokedTokens) DeleteExpired(ctx context.Context, now time.Time) error {
	ctx, cancel := r.s.bound(ctx)
	defer cancel()
	err := r.s.conn(ctx).Where("expires_at < ?", at(now)).Delete(&revokedTokenRow{}).Error
	return translate("delete expired revocations", err)
}
