package application

import (
	"context"

	"github.com/parley-chat/parley/domain"
)

// UnreadCounts is what is unread for one user: how many of their direct
// conversations hold at least one unread message, and how many unread
// messages those hold together. Parley has no group chats or threads, so
// their figures are always 0.
type UnreadCounts struct {
	UserID              domain.ID
	DirectConversations int
	Messages            int
	GroupChats          int
	ChatThreads         int
}

// UnreadCountsReadModel answers the unread figures from the counts the
// stores maintain, without counting messages.
type UnreadCountsReadModel interface {
	// DirectConversations returns how many of actor's direct conversations
	// have unread messages and the sum of their unread counts.
	DirectConversations(ctx context.Context, actor domain.Actor) (conversations, messages int, err error)
}
