package application

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/parley-chat/parley/domain"
)

// MarkChatReadInput names the chat and, optionally, the time up to which it
// has been read; nil means now.
type MarkChatReadInput struct {
	Actor  domain.Actor
	ChatID string
	At     *time.Time
}

// MarkChatReadOutput is the caller's bookmark after the call and whether
// the call created it.
type MarkChatReadOutput struct {
	Bookmark domain.ChatBookmark
	Created  bool
}

// MarkChatRead creates or moves the actor's bookmark of a chat (PUT and
// POST /chats/:id/bookmark).
type MarkChatRead struct {
	bookmarks domain.ChatBookmarkRepository
	clock     Clock
}

// NewMarkChatRead returns the use case.
func NewMarkChatRead(bookmarks domain.ChatBookmarkRepository, clock Clock) *MarkChatRead {
	return &MarkChatRead{bookmarks: bookmarks, clock: clock}
}

// Execute moves the bookmark to in.At (a time in the future counts as now),
// never backwards: an earlier time returns the bookmark unchanged. A
// malformed id, a missing chat and a chat the actor is not a member of are
// domain.ErrNotFound alike.
func (uc *MarkChatRead) Execute(ctx context.Context, in MarkChatReadInput) (MarkChatReadOutput, error) {
	chatID, err := domain.ParseID(in.ChatID)
	if err != nil {
		return MarkChatReadOutput{}, domain.ErrNotFound
	}
	var at time.Time
	if in.At != nil {
		at = *in.At
	}
	b := domain.NewChatBookmark(chatID, in.Actor.UserID, at, uc.clock.Now())
	stored, created, err := uc.bookmarks.Move(ctx, in.Actor.AccountID, b)
	if errors.Is(err, domain.ErrNotFound) {
		return MarkChatReadOutput{}, domain.ErrNotFound
	} else if err != nil {
		return MarkChatReadOutput{}, fmt.Errorf("move bookmark: %w", err)
	}
	return MarkChatReadOutput{Bookmark: stored, Created: created}, nil
}
