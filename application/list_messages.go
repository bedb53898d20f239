package application

import (
	"context"
	"fmt"

	"github.com/parley-chat/parley/domain"
)

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
