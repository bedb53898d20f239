package application

import (
	"context"
	"fmt"

	"github.com/parley-chat/parley/domain"
)

// LoadConversationDetails fills the chat details of direct conversation
// views that a client asked to include: the latest message with its author
// and the actor's bookmark. It costs at most one statement per kind of
// detail for a whole page.
type LoadConversationDetails struct {
	reads ConversationDetailsReadModel
}

// NewLoadConversationDetails returns the use case.
func NewLoadConversationDetails(reads ConversationDetailsReadModel) *LoadConversationDetails {
	return &LoadConversationDetails{reads: reads}
}

// Execute fills views in place as want says. The views must be the actor's
// own (read through a DirectConversationReadModel for the same actor).
func (uc *LoadConversationDetails) Execute(ctx context.Context, actor domain.Actor, views []DirectConversationView, want ConversationDetails) error {
	if len(views) == 0 {
		return nil
	}
	if want.LatestMessage {
		var ids []domain.ID
		for _, v := range views {
			if v.Chat.LatestMessageID != nil {
				ids = append(ids, *v.Chat.LatestMessageID)
			}
		}
		if len(ids) > 0 {
			msgs, err := uc.reads.LatestMessages(ctx, ids)
			if err != nil {
				return fmt.Errorf("load latest messages: %w", err)
			}
			byID := make(map[domain.ID]MessageView, len(msgs))
			for _, m := range msgs {
				byID[m.Message.ID] = m
			}
			for i := range views {
				if id := views[i].Chat.LatestMessageID; id != nil {
					if m, ok := byID[*id]; ok {
						views[i].LatestMessage = &m
					}
				}
			}
		}
	}
	if want.Bookmark {
		chatIDs := make([]domain.ID, len(views))
		for i, v := range views {
			chatIDs[i] = v.Chat.ID
		}
		bookmarks, err := uc.reads.Bookmarks(ctx, actor, chatIDs)
		if err != nil {
			return fmt.Errorf("load bookmarks: %w", err)
		}
		byChat := make(map[domain.ID]domain.ChatBookmark, len(bookmarks))
		for _, b := range bookmarks {
			byChat[b.ChatID] = b
		}
		for i := range views {
			if b, ok := byChat[views[i].Chat.ID]; ok {
				views[i].Bookmark = &b
			}
		}
	}
	return nil
}
