package gormstore

import (
	"context"
	"errors"

	"gorm.io/gorm"

	"github.com/parley-chat/parley/domain"
)

// ChatBookmarks writes and reads chat bookmarks and keeps the unread counts
// of chat_memberships exact.
type ChatBookmarks struct {
	s *Store
}

var _ domain.ChatBookmarkRepository = (*ChatBookmarks)(nil)

// NewChatBookmarks returns the chat bookmark repository of s.
func NewChatBookmarks(s *Store) *ChatBookmarks { return &ChatBookmarks{s: s} }

// Move creates or moves the bookmark forward and recounts the member's
// unread messages of the chat, in one transaction.
//
// Why the count cannot lose a concurrent post on PostgreSQL (READ
// COMMITTED): the transaction first locks the chat row (FOR NO KEY UPDATE),
// the same lock Messages.Post takes with its first statement, UPDATE chats.
// So a post and a move of the same chat never overlap: a post committed
// before the lock is seen by the recount (each statement of READ COMMITTED
// takes a fresh snapshot, and the recount runs after the lock is granted),
// and a post that starts later waits at its UPDATE chats until this commits,
// then sees the new bookmark and adds its +1 to the recounted value. Without
// the lock the recount's snapshot could miss a message whose +1 it then
// overwrites. SQLite runs every write transaction alone (BEGIN IMMEDIATE).
func (r *ChatBookmarks) Move(ctx context.Context, accountID domain.ID, b domain.ChatBookmark) (domain.ChatBookmark, bool, error) {
	ctx, cancel := r.s.bound(ctx)
	defer cancel()
	row := bookmarkRowOf(b)
	var created bool
	var recipients []domain.ID
	err := r.s.transaction(ctx, func(tx *gorm.DB) error {
		if err := r.lockMemberChat(tx, accountID, b.ChatID, b.UserID); err != nil {
			return err
		}
		var old bookmarkRow
		err := tx.Where("chat_id = ? AND user_id = ?", b.ChatID, b.UserID).Take(&old).Error
		switch {
		case errors.Is(err, gorm.ErrRecordNotFound):
			// The chat lock makes read-then-insert safe: no one else writes
			// this chat's bookmarks meanwhile.
			if err := tx.Create(&row).Error; err != nil {
				return err
			}
			created = true
		case err != nil:
			return err
		case !row.UpdatedAt.After(old.UpdatedAt.Time):
			row = old
			return nil
		default:
			if err := tx.Model(&bookmarkRow{}).Where("chat_id = ? AND user_id = ?", b.ChatID, b.UserID).
				Update("updated_at", row.UpdatedAt).Error; err != nil {
				return err
			}
		}
		if err := tx.Exec(recountUnread, b.ChatID, b.UserID).Error; err != nil {
			return err
		}
		recipients, err = appendChatEvent(tx, domain.ChatBookmarkUpdatedEvent(row.domain()))
		return err
	})
	if err != nil {
		return domain.ChatBookmark{}, false, translate("move chat bookmark", err)
	}
	r.s.committed(recipients)
	return row.domain(), created, nil
}

// lockMemberChat locks chatID's row when userID is a member of it inside
// accountID, else returns gorm.ErrRecordNotFound.
func (r *ChatBookmarks) lockMemberChat(tx *gorm.DB, accountID, chatID, userID domain.ID) error {
	lock := ""
	if r.s.isPostgres() {
		// NO KEY UPDATE conflicts with the chat update of a post but not
		// with the key-share locks of foreign-key checks.
		lock = " FOR NO KEY UPDATE OF ch"
	}
	var ids []domain.ID
	err := tx.Raw("SELECT ch.id FROM chats ch JOIN chat_memberships m ON m.chat_id = ch.id AND m.user_id = ?"+
		" WHERE ch.id = ? AND ch.account_id = ?"+lock, userID, chatID, accountID).Find(&ids).Error
	if err != nil {
		return err
	}
	if len(ids) == 0 {
		return gorm.ErrRecordNotFound
	}
	return nil
}

// Find returns userID's bookmark of chatID inside accountID, or
// domain.ErrNotFound.
func (r *ChatBookmarks) Find(ctx context.Context, accountID, chatID, userID domain.ID) (domain.ChatBookmark, error) {
	ctx, cancel := r.s.bound(ctx)
	defer cancel()
	var row bookmarkRow
	err := r.s.conn(ctx).Table("chat_bookmarks b").Select("b.*").
		Joins("JOIN chats ch ON ch.id = b.chat_id").
		Where("b.chat_id = ? AND b.user_id = ? AND ch.account_id = ?", chatID, userID, accountID).
		Take(&row).Error
	if err != nil {
		return domain.ChatBookmark{}, translate("find chat bookmark", err)
	}
	return row.domain(), nil
}
