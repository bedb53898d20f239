package application

import (
	"context"
	"errors"
	"fmt"

	"github.com/parley-chat/parley/domain"
)

// GetChatBookmark returns the actor's bookmark of a chat
// (GET /chats/:id/bookmark).
type GetChatBookmark struct {
	members   domain.ChatMembershipRepository
	bookmarks domain.ChatBookmarkRepository
}

// NewGetChatBookmark returns the use case.
func NewGetChatBookmark(members domain.ChatMembershipRepository, bookmarks domain.ChatBookmarkRepository) *GetChatBookmark {
	return &GetChatBookmark{members: members, bookmarks: bookmarks}
}

// Execute returns the bookmark, or nil when the actor, a member, has none.
// A malformed id, a missing chat and a chat the actor is not a member of are
// domain.ErrNotFound alike.
func (uc *GetChatBookmark) Execute(ctx context.Context, actor domain.Actor, chatID string) (*domain.ChatBookmark, error) {
	id, err := domain.ParseID(chatID)
	if err != nil {
		return nil, domain.ErrNotFound
	}
	if _, err := uc.members.Find(ctx, actor.AccountID, id, actor.UserID); errors.Is(err, domain.ErrNotFound) {
		return nil, domain.ErrNotFound
	} else if err != nil {
		return nil, fmt.Errorf("find membership: %w", err)
	}
	b, err := uc.bookmarks.Find(ctx, actor.AccountID, id, actor.UserID)
	if errors.Is(err, domain.ErrNotFound) {
		return nil, nil
	} else if err != nil {
		return nil, fmt.Errorf("find bookmark: %w", err)
	}
	return &b, nil
}
