package memstore

import (
	"context"

	"github.com/parley-chat/parley/domain"
)

// HasDeactivatedPeer reports whether a member of chatID other than userID
// has been deactivated.
func (r *ChatMemberships) HasDeactivatedPeer(ctx context.Context, chatID, userID domain.ID) (bool, error) {
	if err := ctx.Err(); err != nil {
		return false, err
	}
	r.s.mu.RLock()
	defer r.s.mu.RUnlock()
	for _, m := range r.s.memberships[chatID] {
		if m.UserID != userID && !r.s.users[m.UserID].Active() {
			return true, nil
		}
	}
	return false, nil
}
