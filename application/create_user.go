package application

import (
	"context"
	"fmt"

	"github.com/parley-chat/parley/domain"
)

// CreateUserInput is a new member of the admin's account.
type CreateUserInput struct {
	Name     string
	Email    string
	Password string
}

// CreateUser lets an account admin add a user to their account.
type CreateUser struct {
	users  domain.UserRepository
	hasher PasswordHasher
	clock  Clock
}

// NewCreateUser returns the use case.
func NewCreateUser(users domain.UserRepository, hasher PasswordHasher, clock Clock) *CreateUser {
	return &CreateUser{users: users, hasher: hasher, clock: clock}
}

// Execute returns domain.ErrForbidden for non-admins, a
// *domain.ValidationError for bad or taken fields, else the new member.
func (uc *CreateUser) Execute(ctx context.Context, actor domain.Actor, in CreateUserInput) (domain.User, error) {
	if !actor.IsAdmin() {
		return domain.User{}, domain.ErrForbidden
	}
	draft, err := domain.UserDraft{Name: in.Name, Email: in.Email, Password: in.Password}.Validate()
	if err != nil {
		return domain.User{}, err
	}
	hash, err := uc.hasher.Hash(draft.Password)
	if err != nil {
		return domain.User{}, fmt.Errorf("hash password: %w", err)
	}
	user := domain.NewUser(actor.AccountID, draft, domain.RoleMember, hash, uc.clock.Now())
	if err := uc.users.Create(ctx, user); err != nil {
		return domain.User{}, emailTaken(err)
	}
	return user, nil
}
