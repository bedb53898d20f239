package httpapi

import (
	"context"
	"time"

	"github.com/parley-chat/parley/application"
	"github.com/parley-chat/parley/domain"
)

// fakeLifecycle adds saving users and token cutoffs to fakeUsers.
type fakeLifecycle struct{ fakeUsers }

// nopAudit drops audit entries.
type nopAudit struct{}

func (nopAudit) Record(context.Context, application.AuditEntry) {}

func (u fakeLifecycle) Save(_ context.Context, user domain.User) error {
	u.mu.Lock()
	defer u.mu.Unlock()
	for i, have := range u.users {
		if have.ID == user.ID {
			u.users[i] = user
			return nil
		}
	}
	return domain.ErrNotFound
}

func (u fakeLifecycle) CutoffsSince(context.Context, time.Time) ([]domain.TokenCutoff, error) {
	return nil, nil
}
