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
	dummyHash func() (string, error)
}

// NewSignIn returns the use case. It hashes a throwaway password once so that
// an unknown email costs the same hash comparison as a wrong password. The
// hash is computed in the background: at the default bcrypt cost it takes
// tens of milliseconds, which would otherwise delay readiness at every start.
func NewSignIn(users domain.UserRepository, hasher PasswordHasher, tokens TokenIssuer, clock Clock) (*SignIn, error) {
	done := make(chan struct{})
	var dummy string
	var hashErr error
	go func() {
		defer close(done)
		dummy, hashErr = hasher.Hash("parley-timing-equaliser")
	}()
	wait := func() (string, error) {
		<-done
		return dummy, hashErr
	}
	return &SignIn{users: users, hasher: hasher, tokens: tokens, clock: clock, dummyHash: wait}, nil
}

// Execute returns the session, or domain.ErrInvalidCredentials for an unknown
// email and a wrong password alike.
func (uc *SignIn) Execute(ctx context.Context, in SignInInput) (Session, error) {
	user, err := uc.users.ByEmail(ctx, in.Email)
	switch {
	case errors.Is(err, domain.ErrNotFound):
		dummy, hashErr := uc.dummyHash()
		if hashErr != nil {
			return Session{}, fmt.Errorf("hash dummy password: %w", hashErr)
		}
		_, _ = uc.hasher.Verify(dummy, in.Password)
		return Session{}, domain.ErrInvalidCredentials
	case err != nil:
		return Session{}, fmt.Errorf("find user: %w", err)
	}
	ok, err := uc.hasher.Verify(user.PasswordHash, in.Password)
	if err != nil {
		return Session{}, fmt.Errorf("verify password: %w", err)
	}
	// A deactivated user pays the same hash comparison as anyone else and
	// gets the same answer as a wrong password.
	if !ok || !user.Active() {
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
