package gormstore

import (
	"github.com/parley-chat/parley/domain"
)

// bookmarkRow is a chat_bookmarks row.
type bookmarkRow struct {
	ChatID    domain.ID `gorm:"column:chat_id;primaryKey"`
	UserID    domain.ID `gorm:"column:user_id;primaryKey"`
	UpdatedAt dbTime    `gorm:"column:updated_at;autoUpdateTime:false"`
}

// TableName implements GORM's tabler.
func (bookmarkRow) TableName() string { return "chat_bookmarks" }

func bookmarkRowOf(b domain.ChatBookmark) bookmarkRow {
	return bookmarkRow{ChatID: b.ChatID, UserID: b.UserID, UpdatedAt: at(b.UpdatedAt)}
}

func (r bookmarkRow) domain() domain.ChatBookmark {
	return domain.ChatBookmark{ChatID: r.ChatID, UserID: r.UserID, UpdatedAt: r.UpdatedAt.Time}
}

// optionalBookmarkRow is the caller's bookmark read through a LEFT JOIN:
// NULL when there is none.
type optionalBookmarkRow struct {
	UpdatedAt *dbTime `gorm:"column:updated_at"`
}

// domain returns the bookmark of userID in chatID, or nil when the join
// found none.
func (r optionalBookmarkRow) domain(chatID, userID domain.ID) *domain.ChatBookmark {
	if r.UpdatedAt == nil {
		return nil
	}
	return &domain.ChatBookmark{ChatID: chatID, UserID: userID, UpdatedAt: r.UpdatedAt.Time}
}

// recountUnread sets one member's unread_count of a chat to the number of
// messages of the others created after the member's bookmark and not
// withdrawn, which the
// caller has just written. The count is bounded by one chat and walks
// messages_chat_created_idx from the bookmark onwards. Its arguments are the
// chat and the user.
const recountUnread = `UPDATE chat_memberships SET unread_count = (
    SELECT count(*) FROM messages msg
    WHERE msg.chat_id = chat_memberships.chat_id AND msg.author_id <> chat_memberships.user_id
      AND msg.discarded_at IS NULL
      AND msg.created_at > (SELECT b.updated_at FROM chat_bookmarks b
                            WHERE b.chat_id = chat_memberships.chat_id AND b.user_id = chat_memberships.user_id))
WHERE chat_id = ? AND user_id = ?`
