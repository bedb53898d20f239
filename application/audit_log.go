package application

import (
	"context"

	"github.com/parley-chat/parley/domain"
)

// Audit actions.
const (
	AuditUserUpdated     = "user.updated"
	AuditUserDeactivated = "user.deactivated"
	AuditUserReactivated = "user.reactivated"
	AuditPasswordChanged = "user.password_changed"
)

// AuditEntry is one change to a user, for the activity log: who did what to
// whom and which fields changed, with their new values. A password never
// appears; a password change lists the field without a value.
type AuditEntry struct {
	Actor   domain.Actor
	Action  string
	Target  domain.ID
	Changes map[string]string
}

// AuditLog records lifecycle changes. Recording must not fail the change it
// describes, so it returns nothing.
type AuditLog interface {
	Record(ctx context.Context, entry AuditEntry)
}

// profileChanges lists the fields that differ between before and after.
func profileChanges(before, after domain.User) map[string]string {
	changes := map[string]string{}
	if before.Name != after.Name {
		changes["name"] = after.Name
	}
	if before.Email != after.Email {
		changes["email"] = after.Email
	}
	if before.Role != after.Role {
		changes["role"] = string(after.Role)
	}
	return changes
}
