package gormstore

import (
	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/parley-chat/parley/domain"
)

// countUnreadPost adds the new message to the unread count of every other
// member whose bookmark is older than it. unread_count = unread_count + 1 is
// evaluated on the latest committed row, so concurrent posts never lose an
// increment; posts to one chat also queue on the chat row, which the
// transaction updated first. Its arguments are the chat, the author and the
// message's time.
const countUnreadPost = `UPDATE chat_memberships SET unread_count = unread_count + 1
WHERE chat_id = ? AND user_id <> ?
  AND NOT EXISTS (SELECT 1 FROM chat_bookmarks b
                  WHERE b.chat_id = chat_memberships.chat_id AND b.user_id = chat_memberships.user_id AND b.updated_at >= ?)`

// markRead keeps the read state exact after msg was stored inside tx: the
// other members count one more unread message, and the author's bookmark
// moves forward to the message, after which the author's count is recounted
// (usually to 0; messages of others dated later stay unread).
func (r *Messages) markRead(tx *gorm.DB, msg domain.Message) error {
	if err := tx.Exec(countUnreadPost, msg.ChatID, msg.AuthorID, at(msg.CreatedAt)).Error; err != nil {
		return err
	}
	latest := "max(chat_bookmarks.updated_at, excluded.updated_at)"
	if r.s.isPostgres() {
		latest = "GREATEST(chat_bookmarks.updated_at, excluded.updated_at)"
	}
	row := bookmarkRow{ChatID: msg.ChatID, UserID: msg.AuthorID, UpdatedAt: at(msg.CreatedAt)}
	err := tx.Clauses(clause.OnConflict{
		Columns:   []clause.Column{{Name: "chat_id"}, {Name: "user_id"}},
		DoUpdates: clause.Set{{Column: clause.Column{Name: "updated_at"}, Value: gorm.Expr(latest)}},
	}).Create(&row).Error
	if err != nil {
		return err
	}
	return tx.Exec(recountUnread, msg.ChatID, msg.AuthorID).Error
}
