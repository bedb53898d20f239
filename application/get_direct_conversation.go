package application

import (
	"context"

	"github.com/parley-chat/parley/domain"
)

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
