package application

import (
	"context"
	"fmt"

	"github.com/parley-chat/parley/domain"
)

// GetUnreadCounts tells the actor what is unread for them
// (GET /unread_counts).
type GetUnreadCounts struct {
	reads UnreadCountsReadModel
}

// NewGetUnreadCounts returns the use case.
func NewGetUnreadCounts(reads UnreadCountsReadModel) *GetUnreadCounts {
	return &GetUnreadCounts{reads: reads}
}

// Execute returns the actor's figures, answered from the maintained counts.
// Group chats and chat threads do not exist in Parley and count 0.
func (uc *GetUnreadCounts) Execute(ctx context.Context, actor domain.Actor) (UnreadCounts, error) {
	conversations, messages, err := uc.reads.DirectConversations(ctx, actor)
	if err != nil {
		return UnreadCounts{}, fmt.Errorf("count unread: %w", err)
	}
	return UnreadCounts{UserID: actor.UserID, DirectConversations: conversations, Messages: messages}, nil
}
