package gormstore

import (
	"context"
	"fmt"

	"github.com/parley-chat/parley/application"
	"github.com/parley-chat/parley/domain"
)

// MessageReads answers queries over the messages of a chat.
type MessageReads struct {
	s *Store
}

var _ application.MessageReadModel = (*MessageReads)(nil)

// NewMessageReads returns the message read model of s.
func NewMessageReads(s *Store) *MessageReads { return &MessageReads{s: s} }

// messageView is a message with its author's shown columns (named a_*).
type messageView struct {
	Message messageRow `gorm:"embedded"`
	Author  userRow    `gorm:"embedded;embeddedPrefix:a_"`
}

var messageViewSelect = messageColumns("msg") + ", " + viewUserColumns("a", "a_")

// messageFields maps the filterable and sortable message attributes.
var messageFields = map[string]field{
	"created_at": {expr: "msg.created_at", typ: application.TimeField},
}

// List returns up to q.Size+1 messages of chatID with their authors in q's
// order, in one statement walking (chat_id, created_at, id) in either
// direction.
func (r *MessageReads) List(ctx context.Context, chatID domain.ID, q application.ListQuery) ([]application.MessageView, error) {
	w := &where{postgres: r.s.isPostgres()}
	w.add("msg.chat_id = ?", chatID)
	for _, f := range q.Filters {
		fd, ok := messageFields[f.Field]
		if !ok {
			return nil, fmt.Errorf("list messages: unknown filter field %q", f.Field)
		}
		if err := w.filter(fd, f); err != nil {
			return nil, fmt.Errorf("list messages: %w", err)
		}
	}
	order := ordering{id: "msg.id"}
	for _, k := range q.Sort {
		fd, ok := messageFields[k.Field]
		if !ok {
			return nil, fmt.Errorf("list messages: unknown sort field %q", k.Field)
		}
		order.keys = append(order.keys, orderKey{field: fd, desc: k.Desc})
	}
	order.after(w, q.After)
	ctx, cancel := r.s.bound(ctx)
	defer cancel()
	var rows []messageView
	err := r.s.conn(ctx).Table("messages msg").Select(messageViewSelect).
		Joins("JOIN users a ON a.id = msg.author_id").
		Scopes(w.scope).Order(order.orderBy(w)).Limit(q.Size + 1).
		Find(&rows).Error
	if err != nil {
		return nil, translate("list messages", err)
	}
	views := make([]application.MessageView, len(rows))
	for i, row := range rows {
		views[i] = application.MessageView{Message: row.Message.domain(), Author: row.Author.domain()}
	}
	return views, nil
}
