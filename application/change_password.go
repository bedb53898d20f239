package application

import (
	"context"
	"fmt"

	"github.com/parley-chat/parley/domain"
)

// ChangePasswordInput is the caller's current password and the new one.
type ChangePasswordInput struct {
	CurrentPassword string
	Password        string
}

// ChangePassword lets a signed-in user change their own password.
type ChangePassword struct {
	users   domain.UserLifecycleRepository
	hasher  PasswordHasher
	revoked *RevocationList
	audit   AuditLog
	clock   Clock
}

// NewChangePassword returns the use case.
func NewChangePassword(users domain.UserLifecycleRepository, hasher PasswordHasher, revoked *RevocationList, audit AuditLog, clock Clock) *ChangePassword {
	return &ChangePassword{users: users, hasher: hasher, revoked: revoked, audit: audit, clock: clock}
}

// Execute checks current_password and the new password together (a
// *domain.ValidationError with every problem), stores the new hash and
// refuses every other token of the user: at once here, within one
// revocation poll on every other replica. The token in claims stays valid.
func (uc *ChangePassword) Execute(ctx context.Context, claims TokenClaims, in ChangePasswordInput) (domain.User, error) {
	user, _, err := loadEditorAndTarget(ctx, uc.users, claims.Actor, claims.Actor.UserID)
	if err != nil {
		return domain.User{}, err
	}
	var v domain.ValidationError
	if in.CurrentPassword == "" {
		v.Add("current_password", domain.RuleRequired)
	} else {
		ok, err := uc.hasher.Verify(user.PasswordHash, in.CurrentPassword)
		if err != nil {
			return domain.User{}, fmt.Errorf("verify password: %w", err)
		}
		if !ok {
			v.Add("current_password", domain.RuleIncorrect)
		}
	}
	if rule, ok := domain.PasswordProblem(in.Password); !ok {
		v.Add("password", rule)
	}
	if err := v.Err(); err != nil {
		return domain.User{}, err
	}
	hash, err := uc.hasher.Hash(in.Password)
	if err != nil {
		return domain.User{}, fmt.Errorf("hash password: %w", err)
	}
	now := domain.Timestamp(uc.clock.Now())
	user.PasswordHash, user.UpdatedAt = hash, now
	user = user.RefuseTokens(now, claims.ID)
	if err := uc.users.Save(ctx, user); err != nil {
		return domain.User{}, saveError(err)
	}
	uc.revoked.AddCutoff(domain.TokenCutoff{UserID: user.ID, ValidAfter: user.TokensValidAfter, KeptTokenID: claims.ID})
	uc.audit.Record(ctx, AuditEntry{Actor: claims.Actor, Action: AuditPasswordChanged, Target: user.ID, Changes: map[string]string{"password": ""}})
	return user, nil
}
