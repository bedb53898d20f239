package gormstore

import (
	"context"

	"gorm.io/gorm"

	"github.com/parley-chat/parley/domain"
)

// Messages writes messages and the chat activity they cause.
type Messages struct {
	s *Store
}

var _ domain.MessageRepository = (*Messages)(nil)

// NewMessages returns the message repository of s.
func NewMessages(s *Store) *Messages { return &Messages{s: s} }

// Post stores msg and moves its chat's activity forward in one transaction,
// with the read state the message changes (message_read_state.go).
// A missing chat is domain.ErrNotFound and writes nothing.
func (r *Messages) Post(ctx context.Context, msg domain.Message) error {
	ctx, cancel := r.s.bound(ctx)
	defer cancel()
	latest := "max(updated_at, ?)"
	if r.s.isPostgres() {
		latest = "GREATEST(updated_at, ?)"
	}
	var recipients []domain.ID
	err := r.s.transaction(ctx, func(tx *gorm.DB) error {
		// Updating the chat first locks its row, so concurrent posts to one
		// chat queue here and each later statement sees the others' messages.
		res := tx.Model(&chatRow{}).Where("id = ?", msg.ChatID).
			Update("updated_at", gorm.Expr(latest, at(msg.CreatedAt)))
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 {
			return gorm.ErrRecordNotFound
		}
		row := messageRowOf(msg)
		if err := tx.Create(&row).Error; err != nil {
			return err
		}
		err := tx.Model(&chatRow{}).Where("id = ?", msg.ChatID).Update("latest_message_id", gorm.Expr(
			"(SELECT lm.id FROM messages lm WHERE lm.chat_id = chats.id ORDER BY lm.created_at DESC, lm.id DESC LIMIT 1)")).Error
		if err != nil {
			return err
		}
		inbox := "max(chat_updated_at, ?)"
		if r.s.isPostgres() {
			inbox = "GREATEST(chat_updated_at, ?)"
		}
		err = tx.Model(&membershipRow{}).Where("chat_id = ?", msg.ChatID).
			Update("chat_updated_at", gorm.Expr(inbox, at(msg.CreatedAt))).Error
		if err != nil {
			return err
		}
		if err := r.markRead(tx, msg); err != nil {
			return err
		}
		recipients, err = appendChatEvent(tx, domain.MessageCreatedEvent(msg))
		return err
	})
	if err == nil {
		r.s.committed(recipients)
	}
	return translate("post message", err)
}
