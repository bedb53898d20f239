package application

import (
	"context"

	"github.com/parley-chat/parley/domain"
)

// GetChat returns a chat to one of its members.
type GetChat struct {
	reads ChatReadModel
}

// NewGetChat returns the use case.
func NewGetChat(reads ChatReadModel) *GetChat { return &GetChat{reads: reads} }

// Execute returns domain.ErrNotFound for a malformed id, a missing chat and a
// chat the actor is not a member of alike.
func (uc *GetChat) Execute(ctx context.Context, actor domain.Actor, chatID string) (ChatView, error) {
	id, err := domain.ParseID(chatID)
	if err != nil {
		return ChatView{}, domain.ErrNotFound
	}
	return uc.reads.Get(ctx, actor, id)
}
