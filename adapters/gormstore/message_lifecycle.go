package gormstore

import (
	"context"
	"errors"

	"gorm.io/gorm"

	"github.com/parley-chat/parley/domain"
)

// uncountUnreadWithdrawn is countUnreadPost undone: it takes a withdrawn
// message off the count of every other member whose bookmark is older than
// the message, exactly the members for whom it was unread. Its arguments
// are the chat, the author and the message's time.
const uncountUnreadWithdrawn = `UPDATE chat_memberships SET unread_count = unread_count - 1
WHERE chat_id = ? AND user_id <> ?
  AND NOT EXISTS (SELECT 1 FROM chat_bookmarks b
                  WHERE b.chat_id = chat_memberships.chat_id AND b.user_id = chat_memberships.user_id AND b.updated_at >= ?)`

// Find returns message id when its chat belongs to accountID, else
// domain.ErrNotFound.
func (r *Messages) Find(ctx context.Context, accountID, id domain.ID) (domain.Message, error) {
	ctx, cancel := r.s.bound(ctx)
	defer cancel()
	var row messageRow
	err := r.s.conn(ctx).Table("messages msg").Select(messageColumns("msg")).
		Joins("JOIN chats ch ON ch.id = msg.chat_id").
		Where("msg.id = ? AND ch.account_id = ?", id, accountID).
		Take(&row).Error
	if err != nil {
		return domain.Message{}, translate("find message", err)
	}
	return row.domain(), nil
}

// Edit stores msg's content and edit time unless the row is a tombstone,
// with its message.updated event, in one transaction. The conditional
// update takes the message's row lock, so an edit and a withdrawal of one
// message are serialised and an edit never revives a tombstone's text.
// Nothing of the chat or the read state moves.
func (r *Messages) Edit(ctx context.Context, msg domain.Message) error {
	ctx, cancel := r.s.bound(ctx)
	defer cancel()
	var recipients []domain.ID
	err := r.s.transaction(ctx, func(tx *gorm.DB) error {
		res := tx.Model(&messageRow{}).Where("id = ? AND discarded_at IS NULL", msg.ID).
			Updates(map[string]any{"content": msg.Content, "edited_at": optionalTimePtr(msg.EditedAt)})
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 {
			return r.missingOrWithdrawn(tx, msg.ID)
		}
		var err error
		recipients, err = appendChatEvent(tx, domain.MessageUpdatedEvent(msg))
		return err
	})
	if err == nil {
		r.s.committed(recipients)
	}
	return translate("edit message", err)
}

// missingOrWithdrawn tells why a conditional update of message id found no
// row to change.
func (r *Messages) missingOrWithdrawn(tx *gorm.DB, id domain.ID) error {
	var n int64
	if err := tx.Model(&messageRow{}).Where("id = ?", id).Count(&n).Error; err != nil {
		return err
	}
	if n == 0 {
		return gorm.ErrRecordNotFound
	}
	return domain.ErrMessageWithdrawn
}

// Withdraw turns the row into a tombstone (content cleared, discarded_at
// set), takes it off the unread counts it was part of and appends its
// message.deleted event, in one transaction; a tombstone reports false and
// writes nothing.
//
// The transaction first locks the chat row (FOR NO KEY UPDATE on
// PostgreSQL), as a post and a bookmark move do, so none of them runs
// between the tombstone and the decrement: every member's count equals a
// recount at the lock, and the message is part of it exactly for the other
// members whose bookmark is older than it, whom the decrement names.
// SQLite runs every write transaction alone.
func (r *Messages) Withdraw(ctx context.Context, msg domain.Message) (bool, error) {
	ctx, cancel := r.s.bound(ctx)
	defer cancel()
	var recipients []domain.ID
	withdrawn := false
	err := r.s.transaction(ctx, func(tx *gorm.DB) error {
		if r.s.isPostgres() {
			var ids []domain.ID
			if err := tx.Raw("SELECT id FROM chats WHERE id = ? FOR NO KEY UPDATE", msg.ChatID).Scan(&ids).Error; err != nil {
				return err
			}
		}
		res := tx.Model(&messageRow{}).Where("id = ? AND chat_id = ? AND discarded_at IS NULL", msg.ID, msg.ChatID).
			Updates(map[string]any{"content": "", "discarded_at": optionalTimePtr(msg.DiscardedAt)})
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 {
			err := r.missingOrWithdrawn(tx, msg.ID)
			if errors.Is(err, domain.ErrMessageWithdrawn) {
				return nil
			}
			return err
		}
		withdrawn = true
		if err := tx.Exec(uncountUnreadWithdrawn, msg.ChatID, msg.AuthorID, at(msg.CreatedAt)).Error; err != nil {
			return err
		}
		var err error
		recipients, err = appendChatEvent(tx, domain.MessageDeletedEvent(msg))
		return err
	})
	if err != nil {
		return false, translate("withdraw message", err)
	}
	r.s.committed(recipients)
	return withdrawn, nil
}
