package application

import (
	"context"
	"errors"
	"fmt"

	"github.com/parley-chat/parley/domain"
)

// UpdateUserInput is a partial change of a user; nil fields stay unchanged.
type UpdateUserInput struct {
	Name  *string
	Email *string
	Role  *string
	// Reactivate is set when the client sent "discarded_at": null.
	Reactivate bool
}

// UpdateUser changes a user's name, email or role, or reactivates them.
type UpdateUser struct {
	users   domain.UserLifecycleRepository
	revoked *RevocationList
	audit   AuditLog
	clock   Clock
}

// NewUpdateUser returns the use case.
func NewUpdateUser(users domain.UserLifecycleRepository, revoked *RevocationList, audit AuditLog, clock Clock) *UpdateUser {
	return &UpdateUser{users: users, revoked: revoked, audit: audit, clock: clock}
}

// Execute returns the changed user. A target outside the actor's account is
// domain.ErrNotFound; a member editing someone else, a role or a
// reactivation domain.ErrForbidden; bad or taken fields a
// *domain.ValidationError listing every problem; demoting the last active
// admin domain.ErrLastAdmin. The actor's role is read from the store, not
// from the token, so a demoted admin loses the right at once. A role change
// refuses every token of the target (they carry the old role): the user
// signs in again to act with the new one.
func (uc *UpdateUser) Execute(ctx context.Context, actor domain.Actor, id domain.ID, in UpdateUserInput) (domain.User, error) {
	editor, target, err := loadEditorAndTarget(ctx, uc.users, actor, id)
	if err != nil {
		return domain.User{}, err
	}
	updated, err := target.Edit(editor, domain.UserEdit{Name: in.Name, Email: in.Email, Role: in.Role, Reactivate: in.Reactivate}, uc.clock.Now())
	if err != nil {
		return domain.User{}, err
	}
	roleChanged := updated.Role != target.Role
	if roleChanged {
		updated = updated.RefuseTokens(updated.UpdatedAt, "")
	}
	if err := uc.users.Save(ctx, updated); err != nil {
		return domain.User{}, saveError(err)
	}
	if roleChanged {
		uc.revoked.AddCutoff(domain.TokenCutoff{UserID: updated.ID, ValidAfter: updated.TokensValidAfter})
	}
	changes := profileChanges(target, updated)
	if len(changes) > 0 {
		uc.audit.Record(ctx, AuditEntry{Actor: actor, Action: AuditUserUpdated, Target: id, Changes: changes})
	}
	if target.Active() != updated.Active() {
		uc.audit.Record(ctx, AuditEntry{Actor: actor, Action: AuditUserReactivated, Target: id})
	}
	return updated, nil
}

// loadEditorAndTarget reads the acting user (who must still be active) and
// the target user of the actor's account.
func loadEditorAndTarget(ctx context.Context, users domain.UserRepository, actor domain.Actor, id domain.ID) (domain.User, domain.User, error) {
	editor, err := users.ByID(ctx, actor.AccountID, actor.UserID)
	switch {
	case errors.Is(err, domain.ErrNotFound):
		return domain.User{}, domain.User{}, domain.ErrUnauthenticated
	case err != nil:
		return domain.User{}, domain.User{}, fmt.Errorf("find acting user: %w", err)
	case !editor.Active():
		return domain.User{}, domain.User{}, domain.ErrUnauthenticated
	}
	target, err := users.ByID(ctx, actor.AccountID, id)
	if err != nil {
		return domain.User{}, domain.User{}, fmt.Errorf("find user: %w", err)
	}
	return editor, target, nil
}

// saveError turns a store failure of Save into the use case's answer.
func saveError(err error) error {
	switch {
	case errors.Is(err, domain.ErrLastAdmin):
		return domain.ErrLastAdmin
	case errors.Is(err, domain.ErrConflict):
		return domain.NewValidationError("email", domain.RuleTaken)
	default:
		return fmt.Errorf("save user: %w", err)
	}
}
