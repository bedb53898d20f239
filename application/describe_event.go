package application

import (
	"context"
	"errors"
	"fmt"

	"github.com/parley-chat/parley/domain"
)

// EventSubject is what an event is about, as its recipient sees it at
// delivery: exactly one of the fields is set.
type EventSubject struct {
	Message      *domain.Message
	Conversation *DirectConversationView
	Bookmark     *domain.ChatBookmark
}

// DescribeEvent loads the current state of an event's subject for its
// recipient, with the same visibility rules as the routes that read it,
// so an event never shows a recipient more than a GET would.
type DescribeEvent struct {
	messages      *GetMessage
	conversations *GetDirectConversation
	members       domain.ChatMembershipRepository
	bookmarks     domain.ChatBookmarkRepository
}

// NewDescribeEvent returns the use case.
func NewDescribeEvent(messages *GetMessage, conversations *GetDirectConversation,
	members domain.ChatMembershipRepository, bookmarks domain.ChatBookmarkRepository) *DescribeEvent {
	return &DescribeEvent{messages: messages, conversations: conversations, members: members, bookmarks: bookmarks}
}

// Execute returns e's subject for actor, its recipient. domain.ErrNotFound
// means the recipient may not see it (any more); the stream skips it.
func (uc *DescribeEvent) Execute(ctx context.Context, actor domain.Actor, e domain.Event) (EventSubject, error) {
	if e.Recipient != actor.UserID {
		return EventSubject{}, domain.ErrNotFound
	}
	switch e.Name {
	case domain.EventMessageCreated, domain.EventMessageUpdated, domain.EventMessageDeleted:
		msg, err := uc.messages.Execute(ctx, actor, e.SubjectID.String())
		if errors.Is(err, domain.ErrForbidden) {
			return EventSubject{}, domain.ErrNotFound
		}
		if err != nil {
			return EventSubject{}, err
		}
		return EventSubject{Message: &msg}, nil
	case domain.EventDirectConversationCreated:
		view, err := uc.conversations.Execute(ctx, actor, e.SubjectID.String())
		if err != nil {
			return EventSubject{}, err
		}
		return EventSubject{Conversation: &view}, nil
	case domain.EventChatBookmarkUpdated:
		if _, err := uc.members.Find(ctx, actor.AccountID, e.ChatID, actor.UserID); err != nil {
			return EventSubject{}, err
		}
		b, err := uc.bookmarks.Find(ctx, actor.AccountID, e.ChatID, e.SubjectID)
		if err != nil {
			return EventSubject{}, err
		}
		return EventSubject{Bookmark: &b}, nil
	default:
		return EventSubject{}, fmt.Errorf("describe event %q: unknown name", e.Name)
	}
}
