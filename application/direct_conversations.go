package application

import (
	"context"
	"fmt"

	"github.com/parley-chat/parley/domain"
)

// DirectConversationListSchema is what GET /direct_conversations accepts.
var DirectConversationListSchema = ListSchema{
	Filterable: map[string]FieldType{
		"first_user_id":  IDField,
		"second_user_id": IDField,
		"created_at":     TimeField,
		"updated_at":     TimeField,
	},
	Sortable: map[string]FieldType{
		"chat_updated_at": TimeField,
		"created_at":      TimeField,
		"updated_at":      TimeField,
	},
	DefaultSort: []SortKey{{Field: "chat_updated_at", Desc: true}},
}

// GetDirectConversation returns one of the actor's conversations.
type GetDirectConversation struct {
	reads DirectConversationReadModel
}

// NewGetDirectConversation returns the use case.
func NewGetDirectConversation(reads DirectConversationReadModel) *GetDirectConversation {
	return &GetDirectConversation{reads: reads}
}

// Execute returns domain.ErrNotFound for a malformed id, a missing
// conversation and one the actor does not take part in alike.
func (uc *GetDirectConversation) Execute(ctx context.Context, actor domain.Actor, id string) (DirectConversationView, error) {
	cid, err := domain.ParseID(id)
	if err != nil {
		return DirectConversationView{}, domain.ErrNotFound
	}
	return uc.reads.Get(ctx, actor, cid)
}

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
