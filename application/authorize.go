package application

import (
	"context"
	"errors"
	"fmt"

	"github.com/parley-chat/parley/domain"
)

// authorize checks that actor is a member of chatID holding right: a
// non-member (or a malformed id) gets domain.ErrNotFound, a member without the
// right domain.ErrForbidden.
func authorize(ctx context.Context, members domain.ChatMembershipRepository, actor domain.Actor, chatID string, right domain.ChatRight) (domain.ID, error) {
	id, err := domain.ParseID(chatID)
	if err != nil {
		return domain.NilID, domain.ErrNotFound
	}
	m, err := members.Find(ctx, actor.AccountID, id, actor.UserID)
	if err != nil {
		if errors.Is(err, domain.ErrNotFound) {
			return domain.NilID, domain.ErrNotFound
		}
		return domain.NilID, fmt.Errorf("find membership: %w", err)
	}
	if !m.Can(right) {
		return domain.NilID, domain.ErrForbidden
	}
	return id, nil
}
