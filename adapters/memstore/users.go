package memstore

import (
	"context"
	"strings"

	"github.com/parley-chat/parley/application"
	"github.com/parley-chat/parley/domain"
)

var _ domain.UserRepository = (*Users)(nil)

// Users stores accounts and users in a Store.
type Users struct {
	s *Store
}

// NewUsers returns the user repository of s.
func NewUsers(s *Store) *Users { return &Users{s: s} }

// emailKey is the form in which emails are unique and looked up.
func emailKey(email string) string {
	return application.FoldText(strings.TrimSpace(email))
}

// CreateWithAccount stores account and its first user atomically. It returns
// domain.ErrConflict, writing nothing, when the email or an id is taken.
func (r *Users) CreateWithAccount(ctx context.Context, account domain.Account, user domain.User) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	r.s.mu.Lock()
	defer r.s.mu.Unlock()
	if _, ok := r.s.accounts[account.ID]; ok {
		return domain.ErrConflict
	}
	if err := r.s.checkNewUser(user); err != nil {
		return err
	}
	account.CreatedAt = domain.Timestamp(account.CreatedAt)
	account.UpdatedAt = domain.Timestamp(account.UpdatedAt)
	r.s.accounts[account.ID] = account
	r.s.putUser(user)
	return nil
}

// Create stores a user of an existing account. It returns domain.ErrConflict
// when the email or id is taken and domain.ErrNotFound when the account does
// not exist.
func (r *Users) Create(ctx context.Context, user domain.User) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	r.s.mu.Lock()
	defer r.s.mu.Unlock()
	if _, ok := r.s.accounts[user.AccountID]; !ok {
		return domain.ErrNotFound
	}
	if err := r.s.checkNewUser(user); err != nil {
		return err
	}
	r.s.putUser(user)
	return nil
}

// ByID returns user id of accountID, or domain.ErrNotFound.
func (r *Users) ByID(ctx context.Context, accountID, id domain.ID) (domain.User, error) {
	if err := ctx.Err(); err != nil {
		return domain.User{}, err
	}
	r.s.mu.RLock()
	defer r.s.mu.RUnlock()
	u, ok := r.s.users[id]
	if !ok || u.AccountID != accountID {
		return domain.User{}, domain.ErrNotFound
	}
	return u, nil
}

// ByEmail returns the user whose email matches case-insensitively, in any
// account, or domain.ErrNotFound.
func (r *Users) ByEmail(ctx context.Context, email string) (domain.User, error) {
	if err := ctx.Err(); err != nil {
		return domain.User{}, err
	}
	r.s.mu.RLock()
	defer r.s.mu.RUnlock()
	id, ok := r.s.emails[emailKey(email)]
	if !ok {
		return domain.User{}, domain.ErrNotFound
	}
	return r.s.users[id], nil
}

// checkNewUser reports domain.ErrConflict when user's id or email is taken.
// The caller holds the write lock.
func (s *Store) checkNewUser(user domain.User) error {
	if _, ok := s.users[user.ID]; ok {
		return domain.ErrConflict
	}
	if _, ok := s.emails[emailKey(user.Email)]; ok {
		return domain.ErrConflict
	}
	return nil
}

// putUser stores user with the precision every store keeps. The caller holds
// the write lock.
func (s *Store) putUser(user domain.User) {
	user.CreatedAt = domain.Timestamp(user.CreatedAt)
	user.UpdatedAt = domain.Timestamp(user.UpdatedAt)
	s.users[user.ID] = user
	s.emails[emailKey(user.Email)] = user.ID
}
