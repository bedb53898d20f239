package gormstore

import (
	"context"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/parley-chat/parley/domain"
)

var (
	_ domain.UserWriter            = (*Users)(nil)
	_ domain.TokenCutoffRepository = (*Users)(nil)
)

// Save replaces the stored user in one transaction. The email stays unique
// through the users_email_key_key constraint, so of two concurrent renames
// to one address exactly one commits and the other is domain.ErrConflict.
// On PostgreSQL the account row is locked first, so that two admins demoting
// or deactivating each other at once cannot both pass the last-admin check;
// SQLite serialises writers anyway.
func (r *Users) Save(ctx context.Context, user domain.User) error {
	ctx, cancel := r.s.bound(ctx)
	defer cancel()
	row := userRowOf(user)
	err := r.s.transaction(ctx, func(tx *gorm.DB) error {
		if r.s.dialect == DialectPostgres {
			var locked accountRow
			err := tx.Clauses(clause.Locking{Strength: "UPDATE"}).Select("id").
				Where("id = ?", user.AccountID).Take(&locked).Error
			if err != nil {
				return err
			}
		}
		res := tx.Model(&userRow{}).Where("id = ? AND account_id = ?", user.ID, user.AccountID).
			Select("name", "name_folded", "email", "email_key", "role", "password_hash", "updated_at",
				"discarded_at", "tokens_valid_after", "kept_token_id").
			Updates(&row)
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 {
			return gorm.ErrRecordNotFound
		}
		var admins int64
		err := tx.Model(&userRow{}).Where("account_id = ? AND role = ? AND discarded_at IS NULL", user.AccountID, domain.RoleAdmin).
			Count(&admins).Error
		if err != nil {
			return err
		}
		if admins == 0 {
			return domain.ErrLastAdmin
		}
		return nil
	})
	return translate("save user", err)
}

// CutoffsSince returns the token cutoffs set at or after since, oldest
// first, through the partial index on tokens_valid_after.
func (r *Users) CutoffsSince(ctx context.Context, since time.Time) ([]domain.TokenCutoff, error) {
	ctx, cancel := r.s.bound(ctx)
	defer cancel()
	var rows []tokenCutoffRow
	err := r.s.conn(ctx).Model(&userRow{}).Select("id", "tokens_valid_after", "kept_token_id").
		Where("tokens_valid_after IS NOT NULL AND tokens_valid_after >= ?", at(since)).
		Order("tokens_valid_after, id").Scan(&rows).Error
	if err != nil {
		return nil, translate("list token cutoffs", err)
	}
	out := make([]domain.TokenCutoff, len(rows))
	for i, row := range rows {
		out[i] = row.domain()
	}
	return out, nil
}

// HasDeactivatedPeer reports whether a member of chatID other than userID
// has been deactivated, in one statement over the chat's memberships (the
// chat_memberships_chat_user_key index) and the members' primary keys.
func (r *ChatMemberships) HasDeactivatedPeer(ctx context.Context, chatID, userID domain.ID) (bool, error) {
	ctx, cancel := r.s.bound(ctx)
	defer cancel()
	var n int64
	err := r.s.conn(ctx).Table("chat_memberships AS m").Joins("JOIN users u ON u.id = m.user_id").
		Where("m.chat_id = ? AND m.user_id <> ? AND u.discarded_at IS NOT NULL", chatID, userID).
		Limit(1).Count(&n).Error
	if err != nil {
		return false, translate("check chat peers", err)
	}
	return n > 0, nil
}
