package domain

import "time"

// Chat is the container of messages. Its context says what it belongs to; the
// chats made by Parley belong to a direct conversation. UpdatedAt moves
// forward with every message posted.
type Chat struct {
	ID              ID
	AccountID       ID
	ContextType     string
	ContextID       ID
	LatestMessageID *ID
	CreatedAt       time.Time
	UpdatedAt       time.Time
}
