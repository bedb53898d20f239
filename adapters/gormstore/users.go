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
	err := r.s.conn(ctx).Transaction(func(tx *gorm.DB) error {
		if err := insert(tx, "accounts", accountColumns, accountValues(account)); err != nil {
			return err
		}
		return insert(tx, "users", userColumns, userRowOf(user).values())
	})
	return translate("create account", err)
}

// Create stores a user of an existing account; a taken email is
// domain.ErrConflict.
func (r *Users) Create(ctx context.Context, user domain.User) error {
	ctx, cancel := r.s.bound(ctx)
	defer cancel()
	return translate("create user", insert(r.s.conn(ctx), "users", userColumns, userRowOf(user).values()))
}

// ByID returns the user id of accountID, or domain.ErrNotFound.
func (r *Users) ByID(ctx context.Context, accountID, id domain.ID) (domain.User, error) {
	ctx, cancel := r.s.bound(ctx)
	defer cancel()
	row, err := queryOne(r.s.conn(ctx),
		"SELECT "+columns("u", userColumns)+" FROM users u WHERE u.id = ? AND u.account_id = ?",
		[]any{id, accountID}, userDest)
	if err != nil {
		return domain.User{}, translate("find user", err)
	}
	return row.domain(), nil
}

// ByEmail returns the user whose folded email matches, in any account, or
// domain.ErrNotFound.
func (r *Users) ByEmail(ctx context.Context, email string) (domain.User, error) {
	ctx, cancel := r.s.bound(ctx)
	defer cancel()
	row, err := queryOne(r.s.conn(ctx),
		"SELECT "+columns("u", userColumns)+" FROM users u WHERE u.email_key = ?",
		[]any{emailKey(email)}, userDest)
	if err != nil {
		return domain.User{}, translate("find user by email", err)
	}
	return row.domain(), nil
}
