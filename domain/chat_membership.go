package domain

import (
	"slices"
	"time"
)

// ChatRight is a right a member holds in a chat.
type ChatRight string

// Chat rights.
const (
	RightMessagesRead         ChatRight = "messages.read"
	RightMessagesCreate       ChatRight = "messages.create"
	RightChatMembershipManage ChatRight = "chat_membership.manage"
)

// ChatMembership says that a user belongs to a chat and with which rights.
type ChatMembership struct {
	ID        ID
	ChatID    ID
	UserID    ID
	Rights    []ChatRight
	CreatedAt time.Time
}

// NewChatMembership returns a membership of userID in chatID.
func NewChatMembership(chatID, userID ID, rights []ChatRight, now time.Time) ChatMembership {
	return ChatMembership{
		ID:        NewID(),
		ChatID:    chatID,
		UserID:    userID,
		Rights:    slices.Clone(rights),
		CreatedAt: Timestamp(now),
	}
}

// Can reports whether the membership holds right.
func (m ChatMembership) Can(right ChatRight) bool {
	return slices.Contains(m.Rights, right)
}
