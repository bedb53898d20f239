package gormstore

import (
	"context"

	"gorm.io/gorm"

	"github.com/parley-chat/parley/domain"
)

// Users stores accounts and users.
type Users struct {
	s *Store
}

var _ domain.UserRepository = (*Users)(nil)

// NewUsers returns the user repository of s.
func NewUsers(s *Store) *Users { return &Users{s: s} }

// CreateWithAccount stores the account and its first user in one
// transaction; a taken email is domain.ErrConflict and writes nothing.
func (r *Users) CreateWithAccount(ctx context.Context, account domain.Account, user domain.User) error {
	ctx, cancel := r.s.bound(ctx)
	defer cancel()
	acc, row := accountRowOf(account), userRowOf(user)
	err := r.s.transaction(ctx, func(tx *gorm.DB) error {
		if err := tx.Create(&acc).Error; err != nil {
			return err
		}
		return tx.Create(&row).Error
	})
	return translate("create account", err)
}

// Create stores a user of an existing account; a taken email is
// domain.ErrConflict.
func (r *Users) Create(ctx context.Context, user domain.User) error {
	ctx, cancel := r.s.bound(ctx)
	defer cancel()
	row := userRowOf(user)
	return translate("create user", r.s.conn(ctx).Create(&row).Error)
}

// ByID returns the user id of accountID, or domain.ErrNotFound.
func (r *Users) ByID(ctx context.Context, accountID, id domain.ID) (domain.User, error) {
	ctx, cancel := r.s.bound(ctx)
	defer cancel()
	var row userRow
	if err := r.s.conn(ctx).Where("id = ? AND account_id = ?", id, accountID).Take(&row).Error; err != nil {
		return domain.User{}, translate("find user", err)
	}
	return row.domain(), nil
}

// ByEmail returns the user whose folded email matches, in any account, or
// domain.ErrNotFound.
func (r *Users) ByEmail(ctx context.Context, email string) (domain.User, error) {
	ctx, cancel := r.s.bound(ctx)
	defer cancel()
	var row userRow
	if err := r.s.conn(ctx).Where("email_key = ?", emailKey(email)).Take(&row).Error; err != nil {
		return domain.User{}, translate("find user by email", err)
	}
	return row.domain(), nil
}
