package gormstore

import (
	"context"

	"gorm.io/gorm"

	"github.com/parley-chat/parley/domain"
)

// DirectConversations writes direct conversations as whole aggregates.
type DirectConversations struct {
	s *Store
}

var _ domain.DirectConversationRepository = (*DirectConversations)(nil)

// NewDirectConversations returns the direct conversation repository of s.
func NewDirectConversations(s *Store) *DirectConversations { return &DirectConversations{s: s} }

// Create writes the conversation, its chat and both memberships in one
// transaction. The unique pair constraint makes a second conversation of the
// pair domain.ErrConflict; the transaction is rolled back, leaving nothing.
func (r *DirectConversations) Create(ctx context.Context, agg domain.DirectConversationAggregate) error {
	ctx, cancel := r.s.bound(ctx)
	defer cancel()
	conv := agg.Conversation
	err := r.s.conn(ctx).Transaction(func(tx *gorm.DB) error {
		if err := insert(tx, "direct_conversations", conversationColumns, conversationValues(conv)); err != nil {
			return err
		}
		if err := insert(tx, "chats", chatColumns, chatValues(agg.Chat)); err != nil {
			return err
		}
		for _, m := range agg.Memberships {
			values := []any{
				m.ID, m.ChatID, m.UserID, roleIDs(m.Rights), at(m.CreatedAt),
				conv.ID, conv.PeerOf(m.UserID), at(agg.Chat.UpdatedAt),
			}
			if err := insert(tx, "chat_memberships", membershipColumns, values); err != nil {
				return err
			}
		}
		return nil
	})
	return translate("create direct conversation", err)
}
