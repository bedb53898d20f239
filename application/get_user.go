package application

import (
	"context"

	"github.com/parley-chat/parley/domain"
)

// GetUser returns one user of the actor's account.
type GetUser struct {
	users domain.UserRepository
}

// NewGetUser returns the use case.
func NewGetUser(users domain.UserRepository) *GetUser { return &GetUser{users: users} }

// Execute returns user id, or domain.ErrNotFound outside the actor's account.
func (uc *GetUser) Execute(ctx context.Context, actor domain.Actor, id domain.ID) (domain.User, error) {
	return uc.users.ByID(ctx, actor.AccountID, id)
}
