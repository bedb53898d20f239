package application

import (
	"context"
	"fmt"

	"github.com/parley-chat/parley/domain"
)

// MessageListSchema is what GET /chats/:id/messages accepts: filters on
// created_at, so that a client can ask for what is newer than the message it
// has, and created_at in either direction, newest first by default. Every
// order ends in the id tie-break.
var MessageListSchema = ListSchema{
	Filterable:  map[string]FieldType{"created_at": TimeField},
	Sortable:    map[string]FieldType{"created_at": TimeField},
	DefaultSort: []SortKey{{Field: "created_at", Desc: true}},
}

// ListMessagesInput is the chat and the raw paging parameters.
type ListMessagesInput struct {
	Actor  domain.Actor
	ChatID string
	Query  RawListQuery
}

// ListMessages pages through a chat's messages, newest or oldest first.
type ListMessages struct {
	members domain.ChatMembershipRepository
	reads   MessageReadModel
}

// NewListMessages returns the use case.
func NewListMessages(members domain.ChatMembershipRepository, reads MessageReadModel) *ListMessages {
	return &ListMessages{members: members, reads: reads}
}

// Execute needs messages.read (non-members domain.ErrNotFound, members without
// it domain.ErrForbidden) and returns one page.
func (uc *ListMessages) Execute(ctx context.Context, in ListMessagesInput) (Page[MessageView], error) {
	chatID, err := authorize(ctx, uc.members, in.Actor, in.ChatID, domain.RightMessagesRead)
	if err != nil {
		return Page[MessageView]{}, err
	}
	q, err := MessageListSchema.Parse(in.Query)
	if err != nil {
		return Page[MessageView]{}, err
	}
	items, err := uc.reads.List(ctx, chatID, q)
	if err != nil {
		return Page[MessageView]{}, fmt.Errorf("list messages: %w", err)
	}
	return PageOf(items, q, func(v MessageView, _ []SortKey) ([]any, domain.ID) {
		return []any{v.Message.CreatedAt}, v.Message.ID
	}), nil
}
