package gormstore

import (
	"context"

	"github.com/parley-chat/parley/application"
	"github.com/parley-chat/parley/domain"
)

// UnreadCounts answers the unread figures from chat_memberships.unread_count,
// which posts and bookmark moves maintain.
type UnreadCounts struct {
	s *Store
}

var _ application.UnreadCountsReadModel = (*UnreadCounts)(nil)

// NewUnreadCounts returns the unread counts read model of s.
func NewUnreadCounts(s *Store) *UnreadCounts { return &UnreadCounts{s: s} }

// unreadTotals is the one row the statement answers.
type unreadTotals struct {
	Conversations int `gorm:"column:conversations"`
	Messages      int `gorm:"column:messages"`
}

// DirectConversations sums the actor's memberships with unread messages. The
// condition is the predicate of chat_memberships_unread_idx, so the statement
// reads only that index's entries of the actor (an index-only scan on
// PostgreSQL, a covering index on SQLite): as many rows as conversations
// with something unread, none of the read ones and no messages.
func (r *UnreadCounts) DirectConversations(ctx context.Context, actor domain.Actor) (int, int, error) {
	ctx, cancel := r.s.bound(ctx)
	defer cancel()
	var t unreadTotals
	err := r.s.conn(ctx).Table("chat_memberships m").
		Select("count(*) AS conversations, COALESCE(sum(m.unread_count), 0) AS messages").
		Where("m.user_id = ? AND m.direct_conversation_id IS NOT NULL AND m.unread_count > 0", actor.UserID).
		Take(&t).Error
	if err != nil {
		return 0, 0, translate("count unread", err)
	}
	return t.Conversations, t.Messages, nil
}
