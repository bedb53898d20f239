package memstore

import (
	"context"

	"github.com/parley-chat/parley/application"
	"github.com/parley-chat/parley/domain"
)

var _ application.UnreadCountsReadModel = (*UnreadCounts)(nil)

// UnreadCounts answers the unread figures of a Store from the counts it
// maintains.
type UnreadCounts struct {
	s *Store
}

// NewUnreadCounts returns the unread counts read model of s.
func NewUnreadCounts(s *Store) *UnreadCounts { return &UnreadCounts{s: s} }

// DirectConversations returns how many of actor's direct conversations have
// unread messages and the sum of their unread counts.
func (r *UnreadCounts) DirectConversations(ctx context.Context, actor domain.Actor) (int, int, error) {
	if err := ctx.Err(); err != nil {
		return 0, 0, err
	}
	r.s.mu.RLock()
	defer r.s.mu.RUnlock()
	conversations, messages := 0, 0
	for key, n := range r.s.unread {
		if key.user != actor.UserID || n == 0 {
			continue
		}
		if chat, ok := r.s.chats[key.chat]; !ok || chat.ContextType != domain.ContextDirectConversation {
			continue
		}
		conversations++
		messages += n
	}
	return conversations, messages, nil
}
