package gormstore

import (
	"context"
	"fmt"

	"github.com/parley-chat/parley/application"
	"github.com/parley-chat/parley/domain"
)

// ChatReads answers queries over chats in two statements: the chat with its
// latest message and the caller's read state, then its memberships.
type ChatReads struct {
	s *Store
}

var _ application.ChatReadModel = (*ChatReads)(nil)

// NewChatReads returns the chat read model of s.
func NewChatReads(s *Store) *ChatReads { return &ChatReads{s: s} }

// chatWithLatest is a chat joined with its latest message, whose columns
// (named lm_*) are all NULL before the first message.
type chatWithLatest struct {
	Chat     chatRow             `gorm:"embedded"`
	Latest   optionalMessageRow  `gorm:"embedded;embeddedPrefix:lm_"`
	Member   memberUnread        `gorm:"embedded;embeddedPrefix:me_"`
	Bookmark optionalBookmarkRow `gorm:"embedded;embeddedPrefix:b_"`
}

// Get returns chat chatID when the actor is a member of it in their account.
func (r *ChatReads) Get(ctx context.Context, actor domain.Actor, chatID domain.ID) (application.ChatView, error) {
	ctx, cancel := r.s.bound(ctx)
	defer cancel()
	db := r.s.conn(ctx)
	var row chatWithLatest
	err := db.Table("chats ch").
		Select("ch.*, lm.id AS lm_id, lm.chat_id AS lm_chat_id, lm.author_id AS lm_author_id, lm.content AS lm_content, lm.created_at AS lm_created_at, "+
			"lm.edited_at AS lm_edited_at, lm.discarded_at AS lm_discarded_at, "+
			"me.unread_count AS me_unread_count, b.updated_at AS b_updated_at").
		Joins("JOIN chat_memberships me ON me.chat_id = ch.id AND me.user_id = ?", actor.UserID).
		Joins("LEFT JOIN messages lm ON lm.id = ch.latest_message_id").
		Joins("LEFT JOIN chat_bookmarks b ON b.chat_id = me.chat_id AND b.user_id = me.user_id").
		Where("ch.id = ? AND ch.account_id = ?", chatID, actor.AccountID).
		Take(&row).Error
	if err != nil {
		return application.ChatView{}, translate("get chat", err)
	}
	var members []membershipRow
	if err := db.Where("chat_id = ?", chatID).Order("created_at, id").Find(&members).Error; err != nil {
		return application.ChatView{}, translate("get chat memberships", err)
	}
	view := application.ChatView{
		Chat: row.Chat.domain(), LatestMessage: row.Latest.domain(), Memberships: make([]domain.ChatMembership, len(members)),
		Bookmark: row.Bookmark.domain(chatID, actor.UserID), UnreadCount: row.Member.UnreadCount,
	}
	for i, m := range members {
		view.Memberships[i] = m.domain()
	}
	return view, nil
}

// ChatMemberships reads memberships for authorization decisions.
type ChatMemberships struct {
	s *Store
}

var _ domain.ChatMembershipRepository = (*ChatMemberships)(nil)

// NewChatMemberships returns the chat membership repository of s.
func NewChatMemberships(s *Store) *ChatMemberships { return &ChatMemberships{s: s} }

// Find returns userID's membership of chatID inside accountID, or
// domain.ErrNotFound.
func (r *ChatMemberships) Find(ctx context.Context, accountID, chatID, userID domain.ID) (domain.ChatMembership, error) {
	ctx, cancel := r.s.bound(ctx)
	defer cancel()
	var row membershipRow
	err := r.s.conn(ctx).Table("chat_memberships m").Select("m.*").
		Joins("JOIN chats ch ON ch.id = m.chat_id").
		Where("m.chat_id = ? AND m.user_id = ? AND ch.account_id = ?", chatID, userID, accountID).
		Take(&row).Error
	if err != nil {
		return domain.ChatMembership{}, translate(fmt.Sprintf("find membership of chat %s", chatID), err)
	}
	return row.domain(), nil
}
