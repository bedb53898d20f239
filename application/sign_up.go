package application

import (
	"context"
	"errors"
	"fmt"

	"github.com/parley-chat/parley/domain"
)

// SignUpInput is a new account with its first user.
type SignUpInput struct {
	AccountName string
	Name        string
	Email       string
	Password    string
}

// Session is a signed-in user and their token.
type Session struct {
	User  domain.User
	Token IssuedToken
}

// SignUp creates an account and its first user, an admin, and signs them in.
type SignUp struct {
	users  domain.UserRepository
	hasher PasswordHasher
	tokens TokenIssuer
	clock  Clock
}

// NewSignUp returns the use case.
func NewSignUp(users domain.UserRepository, hasher PasswordHasher, tokens TokenIssuer, clock Clock) *SignUp {
	return &SignUp{users: users, hasher: hasher, tokens: tokens, clock: clock}
}

// Execute validates every field at once (a *domain.ValidationError lists all
// problems), then writes the account and user in one transaction. A taken
// email is a validation problem on email.
func (uc *SignUp) Execute(ctx context.Context, in SignUpInput) (Session, error) {
	now := uc.clock.Now()
	var problems domain.ValidationError
	account, err := domain.NewAccount(in.AccountName, now)
	collect(&problems, err)
	draft, err := domain.UserDraft{Name: in.Name, Email: in.Email, Password: in.Password}.Validate()
	collect(&problems, err)
	if err := problems.Err(); err != nil {
		return Session{}, err
	}
	hash, err := uc.hasher.Hash(draft.Password)
	if err != nil {
		return Session{}, fmt.Errorf("hash password: %w", err)
	}
	user := domain.NewUser(account.ID, draft, domain.RoleAdmin, hash, now)
	if err := uc.users.CreateWithAccount(ctx, account, user); err != nil {
		return Session{}, emailTaken(err)
	}
	return issue(uc.tokens, user, now)
}

// collect merges the problems of err into v; other errors cannot occur in the
// validators it is used with.
func collect(v *domain.ValidationError, err error) {
	var ve *domain.ValidationError
	if errors.As(err, &ve) {
		v.Problems = append(v.Problems, ve.Problems...)
	}
}

func emailTaken(err error) error {
	if errors.Is(err, domain.ErrConflict) {
		return domain.NewValidationError("email", domain.RuleTaken)
	}
	return fmt.Errorf("store user: %w", err)
}
