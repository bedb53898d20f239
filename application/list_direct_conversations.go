package application

import (
	"context"
	"fmt"

	"github.com/parley-chat/parley/domain"
)

// ListDirectConversationsInput is the raw list query and peer search text;
// UnreadOnly keeps only conversations with unread messages for the actor.
type ListDirectConversationsInput struct {
	Actor      domain.Actor
	Query      RawListQuery
	SearchPeer string
	UnreadOnly bool
}

// ListDirectConversations pages through the actor's conversations.
type ListDirectConversations struct {
	reads DirectConversationReadModel
}

// NewListDirectConversations returns the use case.
func NewListDirectConversations(reads DirectConversationReadModel) *ListDirectConversations {
	return &ListDirectConversations{reads: reads}
}

// Execute validates the query (a *ParameterError on failure) and returns one
// page. A blank search text means no search.
func (uc *ListDirectConversations) Execute(ctx context.Context, in ListDirectConversationsInput) (Page[DirectConversationView], error) {
	q, err := DirectConversationListSchema.Parse(in.Query)
	if err != nil {
		return Page[DirectConversationView]{}, err
	}
	dq := DirectConversationQuery{ListQuery: q, SearchPeer: FoldText(trimSpace(in.SearchPeer)), UnreadOnly: in.UnreadOnly}
	items, err := uc.reads.List(ctx, in.Actor, dq)
	if err != nil {
		return Page[DirectConversationView]{}, fmt.Errorf("list direct conversations: %w", err)
	}
	return PageOf(items, q, directConversationKey), nil
}

func directConversationKey(v DirectConversationView, sort []SortKey) ([]any, domain.ID) {
	values := make([]any, len(sort))
	for i, k := range sort {
		switch k.Field {
		case "chat_updated_at":
			values[i] = v.Chat.UpdatedAt
		case "created_at":
			values[i] = v.Conversation.CreatedAt
		default:
			values[i] = v.Conversation.UpdatedAt
		}
	}
	return values, v.Conversation.ID
}
