package memstore

import (
	"context"

	"github.com/parley-chat/parley/domain"
)

var _ domain.DirectConversationRepository = (*DirectConversations)(nil)

// DirectConversations writes direct conversation aggregates to a Store.
type DirectConversations struct {
	s *Store
}

// NewDirectConversations returns the direct conversation repository of s.
func NewDirectConversations(s *Store) *DirectConversations { return &DirectConversations{s: s} }

// Create writes the conversation, its chat and both memberships atomically.
// It returns domain.ErrConflict, writing nothing, when the unordered pair
// already has a conversation in the account or an id is taken, and
// domain.ErrNotFound when a participant does not exist.
func (r *DirectConversations) Create(ctx context.Context, agg domain.DirectConversationAggregate) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	conv := agg.Conversation
	key := newPairKey(conv.AccountID, conv.FirstUserID, conv.SecondUserID)
	r.s.mu.Lock()
	defer r.s.mu.Unlock()
	if _, ok := r.s.pairs[key]; ok {
		return domain.ErrConflict
	}
	if _, ok := r.s.conversations[conv.ID]; ok {
		return domain.ErrConflict
	}
	if _, ok := r.s.chats[agg.Chat.ID]; ok {
		return domain.ErrConflict
	}
	for _, id := range []domain.ID{conv.FirstUserID, conv.SecondUserID} {
		if _, ok := r.s.users[id]; !ok {
			return domain.ErrNotFound
		}
	}
	conv.CreatedAt = domain.Timestamp(conv.CreatedAt)
	conv.UpdatedAt = domain.Timestamp(conv.UpdatedAt)
	chat := copyChat(agg.Chat)
	chat.CreatedAt = domain.Timestamp(chat.CreatedAt)
	chat.UpdatedAt = domain.Timestamp(chat.UpdatedAt)
	members := make([]domain.ChatMembership, 0, len(agg.Memberships))
	for _, m := range agg.Memberships {
		m = copyMembership(m)
		m.CreatedAt = domain.Timestamp(m.CreatedAt)
		members = append(members, m)
	}
	r.s.conversations[conv.ID] = conv
	r.s.pairs[key] = conv.ID
	r.s.chats[chat.ID] = chat
	r.s.chatOf[conv.ID] = chat.ID
	r.s.memberships[chat.ID] = members
	r.s.appendEvent(domain.DirectConversationCreatedEvent(agg))
	return nil
}
