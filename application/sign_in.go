package application

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/parley-chat/parley/domain"
)

// SignInInput is an email and password.
type SignInInput struct {
	Email    string
	Password string
}

// SignIn checks credentials and issues a token.
type SignIn struct {
	users     domain.UserRepository
	hasher    PasswordHasher
	tokens    TokenIssuer
	clock     Clock
	dummyHash string
}

// NewSignIn returns the use case. It hashes a throwaway password once so that
// an unknown email costs the same hash comparison as a wrong password.
func NewSignIn(users domain.UserRepository, hasher PasswordHasher, tokens TokenIssuer, clock Clock) (*SignIn, error) {
	dummy, err := hasher.Hash("parley-timing-equaliser")
	if err != nil {
		return nil, fmt.Errorf("hash dummy password: %w", err)
	}
	return &SignIn{users: users, hasher: hasher, tokens: tokens, clock: clock, dummyHash: dummy}, nil
}

// Execute returns the session, or domain.ErrInvalidCredentials for an unknown
// email and a wrong password alike.
func (uc *SignIn) Execute(ctx context.Context, in SignInInput) (Session, error) {
	user, err := uc.users.ByEmail(ctx, in.Email)
	switch {
	case errors.Is(err, domain.ErrNotFound):
		_, _ = uc.hasher.Verify(uc.dummyHash, in.Password)
		return Session{}, domain.ErrInvalidCredentials
	case err != nil:
		return Session{}, fmt.Errorf("find user: %w", err)
	}
	ok, err := uc.hasher.Verify(user.PasswordHash, in.Password)
	if err != nil {
		return Session{}, fmt.Errorf("verify password: %w", err)
	}
	if !ok {
		return Session{}, domain.ErrInvalidCredentials
	}
	return issue(uc.tokens, user, uc.clock.Now())
}

func issue(tokens TokenIssuer, user domain.User, now time.Time) (Session, error) {
	actor := domain.Actor{AccountID: user.AccountID, UserID: user.ID, Role: user.Role}
	token, err := tokens.Issue(actor, now)
	if err != nil {
		return Session{}, fmt.Errorf("issue token: %w", err)
	}
	return Session{User: user, Token: token}, nil
}
