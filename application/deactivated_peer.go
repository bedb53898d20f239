package application

import (
	"context"
	"fmt"

	"github.com/parley-chat/parley/domain"
)

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
