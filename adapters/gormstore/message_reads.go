package gormstore

import (
	"context"
	"strconv"

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

type messageView struct {
	msg    messageRow
	author userRow
}

func messageViewDest(v *messageView) []any { return append(v.msg.dest(), v.author.dest()...) }

// List returns up to q.Size+1 messages of chatID with their authors, newest
// first, in one statement walking (chat_id, created_at DESC, id DESC).
func (r *MessageReads) List(ctx context.Context, chatID domain.ID, q application.ListQuery) ([]application.MessageView, error) {
	w := &where{postgres: r.s.isPostgres()}
	w.add("msg.chat_id = ?", chatID)
	order := ordering{
		keys: []orderKey{{field: field{expr: "msg.created_at", typ: application.TimeField}, desc: true}},
		id:   "msg.id",
	}
	order.after(w, q.After)
	sql := "SELECT " + columns("msg", messageColumns) + ", " + columns("a", userColumns) +
		" FROM messages msg JOIN users a ON a.id = msg.author_id WHERE " + w.sql() +
		" ORDER BY " + order.orderBy(w) + " LIMIT " + strconv.Itoa(q.Size+1)
	ctx, cancel := r.s.bound(ctx)
	defer cancel()
	rows, err := queryRows(r.s.conn(ctx), sql, w.args, messageViewDest)
	if err != nil {
		return nil, translate("list messages", err)
	}
	views := make([]application.MessageView, len(rows))
	for i, row := range rows {
		views[i] = application.MessageView{Message: row.msg.domain(), Author: row.author.domain()}
	}
	return views, nil
}
