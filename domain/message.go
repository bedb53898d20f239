package domain

import (
	"strings"
	"time"
)

// MaxMessageLength is the longest message content, in characters after
// trimming.
const MaxMessageLength = 10000

// Message is plain text posted by a member in a chat.
type Message struct {
	ID        ID
	ChatID    ID
	AuthorID  ID
	Content   string
	CreatedAt time.Time
}

// NewMessage validates content (1..MaxMessageLength characters after
// trimming) and returns the message.
func NewMessage(chatID, authorID ID, content string, now time.Time) (Message, error) {
	switch n := TrimmedLength(content); {
	case n == 0:
		return Message{}, NewValidationError("content", RuleRequired)
	case n > MaxMessageLength:
		return Message{}, NewValidationError("content", RuleTooLong)
	}
	return Message{
		ID:        NewID(),
		ChatID:    chatID,
		AuthorID:  authorID,
		Content:   strings.TrimSpace(content),
		CreatedAt: Timestamp(now),
	}, nil
}
