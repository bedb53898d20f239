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
	conv, chat := conversationRowOf(agg.Conversation), chatRowOf(agg.Chat)
	members := make([]membershipRow, len(agg.Memberships))
	for i, m := range agg.Memberships {
		members[i] = membershipRowOf(m, agg.Conversation, agg.Chat)
	}
	var recipients []domain.ID
	err := r.s.transaction(ctx, func(tx *gorm.DB) error {
		if err := tx.Create(&conv).Error; err != nil {
			return err
		}
		if err := tx.Create(&chat).Error; err != nil {
			return err
		}
		// One INSERT per membership, as the statement counts in
		// docs/BENCHMARKS.md were measured.
		for i := range members {
			if err := tx.Create(&members[i]).Error; err != nil {
				return err
			}
		}
		var err error
		recipients, err = appendEvent(tx, domain.DirectConversationCreatedEvent(agg))
		return err
	})
	if err == nil {
		r.s.committed(recipients)
	}
	return translate("create direct conversation", err)
}
