package memstore

import (
	"context"

	"github.com/parley-chat/parley/application"
	"github.com/parley-chat/parley/domain"
)

var _ application.MessageReadModel = (*MessageReads)(nil)

// MessageReads answers queries over the messages of a Store.
type MessageReads struct {
	s *Store
}

// NewMessageReads returns the message read model of s.
func NewMessageReads(s *Store) *MessageReads { return &MessageReads{s: s} }

var messageListing = listing[application.MessageView]{
	schema: application.MessageListSchema,
	fields: map[string]func(application.MessageView) any{
		"created_at": func(v application.MessageView) any { return v.Message.CreatedAt },
	},
	id: func(v application.MessageView) domain.ID { return v.Message.ID },
}

// List returns up to q.Size+1 messages of chatID with their authors that
// pass q's filters, in q's order (created_at either way, then id), after
// q.After when set.
func (r *MessageReads) List(ctx context.Context, chatID domain.ID, q application.ListQuery) ([]application.MessageView, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	r.s.mu.RLock()
	ids := r.s.chatMessages[chatID]
	views := make([]application.MessageView, 0, len(ids))
	for _, id := range ids {
		msg := r.s.messages[id]
		views = append(views, application.MessageView{Message: msg, Author: withoutHash(r.s.users[msg.AuthorID])})
	}
	r.s.mu.RUnlock()
	return messageListing.page(views, q)
}
