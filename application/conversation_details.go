package application

import (
	"context"

	"github.com/parley-chat/parley/domain"
)

// ConversationDetailsReadModel fetches what a page of direct conversations
// can include beyond its own statement, each kind for the whole page in one
// statement, never one per row.
type ConversationDetailsReadModel interface {
	// LatestMessages returns the messages with the given ids, each with its
	// author (without PasswordHash), in any order; ids that do not exist are
	// left out.
	LatestMessages(ctx context.Context, ids []domain.ID) ([]MessageView, error)
	// Bookmarks returns actor's bookmarks of the given chats, in any order;
	// chats without one are left out.
	Bookmarks(ctx context.Context, actor domain.Actor, chatIDs []domain.ID) ([]domain.ChatBookmark, error)
}

// ConversationDetails says which details LoadConversationDetails fills.
type ConversationDetails struct {
	LatestMessage bool
	Bookmark      bool
}
