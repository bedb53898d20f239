package gormstore

import (
	"strings"

	"github.com/google/uuid"

	"github.com/parley-chat/parley/domain"
)

// conversationRow is a direct_conversations row; the low and high ids are
// the unordered pair's key.
type conversationRow struct {
	ID           domain.ID `gorm:"column:id;primaryKey"`
	AccountID    domain.ID `gorm:"column:account_id"`
	FirstUserID  domain.ID `gorm:"column:first_user_id"`
	SecondUserID domain.ID `gorm:"column:second_user_id"`
	UserLowID    domain.ID `gorm:"column:user_low_id"`
	UserHighID   domain.ID `gorm:"column:user_high_id"`
	CreatedAt    dbTime    `gorm:"column:created_at;autoCreateTime:false"`
	UpdatedAt    dbTime    `gorm:"column:updated_at;autoUpdateTime:false"`
}

// TableName implements GORM's tabler.
func (conversationRow) TableName() string { return "direct_conversations" }

func conversationRowOf(c domain.DirectConversation) conversationRow {
	low, high := c.PairKey()
	return conversationRow{
		ID: c.ID, AccountID: c.AccountID, FirstUserID: c.FirstUserID, SecondUserID: c.SecondUserID,
		UserLowID: low, UserHighID: high, CreatedAt: at(c.CreatedAt), UpdatedAt: at(c.UpdatedAt),
	}
}

func (r conversationRow) domain() domain.DirectConversation {
	return domain.DirectConversation{
		ID: r.ID, AccountID: r.AccountID, FirstUserID: r.FirstUserID, SecondUserID: r.SecondUserID,
		CreatedAt: r.CreatedAt.Time, UpdatedAt: r.UpdatedAt.Time,
	}
}

// chatRow is a chats row.
type chatRow struct {
	ID              domain.ID     `gorm:"column:id;primaryKey"`
	AccountID       domain.ID     `gorm:"column:account_id"`
	ContextType     string        `gorm:"column:context_type"`
	ContextID       domain.ID     `gorm:"column:context_id"`
	LatestMessageID uuid.NullUUID `gorm:"column:latest_message_id"`
	CreatedAt       dbTime        `gorm:"column:created_at;autoCreateTime:false"`
	UpdatedAt       dbTime        `gorm:"column:updated_at;autoUpdateTime:false"`
}

// TableName implements GORM's tabler.
func (chatRow) TableName() string { return "chats" }

func chatRowOf(c domain.Chat) chatRow {
	return chatRow{
		ID: c.ID, AccountID: c.AccountID, ContextType: c.ContextType, ContextID: c.ContextID,
		LatestMessageID: nullID(c.LatestMessageID), CreatedAt: at(c.CreatedAt), UpdatedAt: at(c.UpdatedAt),
	}
}

func (r chatRow) domain() domain.Chat {
	return domain.Chat{
		ID: r.ID, AccountID: r.AccountID, ContextType: r.ContextType, ContextID: r.ContextID,
		LatestMessageID: idPtr(r.LatestMessageID), CreatedAt: r.CreatedAt.Time, UpdatedAt: r.UpdatedAt.Time,
	}
}

// membershipRow is a chat_memberships row with its denormalised inbox
// columns: the direct conversation, the other member and the chat's
// activity time, so that a member's conversation list is one index walk.
type membershipRow struct {
	ID                   domain.ID     `gorm:"column:id;primaryKey"`
	ChatID               domain.ID     `gorm:"column:chat_id"`
	UserID               domain.ID     `gorm:"column:user_id"`
	RoleIDs              string        `gorm:"column:role_ids"`
	CreatedAt            dbTime        `gorm:"column:created_at;autoCreateTime:false"`
	DirectConversationID uuid.NullUUID `gorm:"column:direct_conversation_id"`
	PeerUserID           uuid.NullUUID `gorm:"column:peer_user_id"`
	ChatUpdatedAt        dbTime        `gorm:"column:chat_updated_at"`
}

// TableName implements GORM's tabler.
func (membershipRow) TableName() string { return "chat_memberships" }

// membershipRowOf is m's row in a direct conversation's chat.
func membershipRowOf(m domain.ChatMembership, conv domain.DirectConversation, chat domain.Chat) membershipRow {
	names := make([]string, len(m.Rights))
	for i, r := range m.Rights {
		names[i] = string(r)
	}
	peer := conv.PeerOf(m.UserID)
	return membershipRow{
		ID: m.ID, ChatID: m.ChatID, UserID: m.UserID, RoleIDs: strings.Join(names, " "), CreatedAt: at(m.CreatedAt),
		DirectConversationID: nullID(&conv.ID), PeerUserID: nullID(&peer), ChatUpdatedAt: at(chat.UpdatedAt),
	}
}

func (r membershipRow) domain() domain.ChatMembership {
	var rights []domain.ChatRight
	for name := range strings.FieldsSeq(r.RoleIDs) {
		rights = append(rights, domain.ChatRight(name))
	}
	return domain.ChatMembership{ID: r.ID, ChatID: r.ChatID, UserID: r.UserID, Rights: rights, CreatedAt: r.CreatedAt.Time}
}

func nullID(id *domain.ID) uuid.NullUUID {
	if id == nil {
		return uuid.NullUUID{}
	}
	return uuid.NullUUID{UUID: *id, Valid: true}
}

func idPtr(n uuid.NullUUID) *domain.ID {
	if !n.Valid {
		return nil
	}
	id := n.UUID
	return &id
}
