package domain

import "context"

// UserRepository stores accounts and users.
type UserRepository interface {
	// CreateWithAccount stores a new account and its first user in one
	// transaction. It returns ErrConflict when the user's email is taken
	// (case-insensitively, after Unicode case folding); nothing is written
	// then.
	CreateWithAccount(ctx context.Context, account Account, user User) error
	// Create stores a user of an existing account. It returns ErrConflict
	// when the email is taken (case-insensitively).
	Create(ctx context.Context, user User) error
	// ByID returns the user id of account accountID, or ErrNotFound when no
	// such user exists in that account.
	ByID(ctx context.Context, accountID, id ID) (User, error)
	// ByEmail returns the user whose email matches case-insensitively (after
	// Unicode case folding), in any account, or ErrNotFound.
	ByEmail(ctx context.Context, email string) (User, error)
}

// UserWriter changes stored users.
type UserWriter interface {
	// Save replaces the stored user with the same id in one transaction. It
	// returns ErrConflict when the new email is taken (case-insensitively),
	// ErrLastAdmin when the account would be left without an active admin,
	// and ErrNotFound when the user does not exist; nothing is written then.
	Save(ctx context.Context, user User) error
}

// UserLifecycleRepository is what profile edits, password changes and
// deactivations need: reading and saving users, and the token cutoffs they
// keep.
type UserLifecycleRepository interface {
	UserRepository
	UserWriter
	TokenCutoffRepository
}
