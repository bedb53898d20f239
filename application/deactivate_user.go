package application

import (
	"context"
	"fmt"

	"github.com/parley-chat/parley/domain"
)

// DeactivateUser lets an admin switch a user's access off: a soft delete
// that keeps the user, their conversations and their messages.
type DeactivateUser struct {
	users   domain.UserLifecycleRepository
	revoked *RevocationList
	audit   AuditLog
	clock   Clock
}

// NewDeactivateUser returns the use case.
func NewDeactivateUser(users domain.UserLifecycleRepository, revoked *RevocationList, audit AuditLog, clock Clock) *DeactivateUser {
	return &DeactivateUser{users: users, revoked: revoked, audit: audit, clock: clock}
}

// Execute sets the user's discarded_at and refuses every token of theirs:
// at once here, within one revocation poll on every other replica. A target
// outside the account is domain.ErrNotFound, a non-admin actor
// domain.ErrForbidden, the last active admin of the account
// domain.ErrLastAdmin. Deactivating a deactivated user changes nothing.
func (uc *DeactivateUser) Execute(ctx context.Context, actor domain.Actor, id domain.ID) error {
	editor, target, err := loadEditorAndTarget(ctx, uc.users, actor, id)
	if err != nil {
		return err
	}
	if editor.Role != domain.RoleAdmin {
		return domain.ErrForbidden
	}
	if !target.Active() {
		return nil
	}
	target = target.Deactivate(uc.clock.Now())
	if err := uc.users.Save(ctx, target); err != nil {
		return saveError(err)
	}
	uc.revoked.AddCutoff(domain.TokenCutoff{UserID: target.ID, ValidAfter: target.TokensValidAfter})
	uc.audit.Record(ctx, AuditEntry{Actor: actor, Action: AuditUserDeactivated, Target: id})
	return nil
}

// refuseDeactivatedPeer returns domain.ErrForbidden when another member of
// chatID has been deactivated: their conversations stay readable, but
// nobody can post into them any more.
func refuseDeactivatedPeer(ctx context.Context, members domain.ChatMembershipRepository, chatID, userID domain.ID) error {
	gone, err := members.HasDeactivatedPeer(ctx, chatID, userID)
	if err != nil {
		return fmt.Errorf("check chat peers: %w", err)
	}
	if gone {
		return domain.ErrForbidden
	}
	return nil
}
