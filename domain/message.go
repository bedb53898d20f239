package domain

import (
	"fmt"
	"strings"
	"time"
)

// MaxMessageLength is the longest message content, in characters after
// trimming.
const MaxMessageLength = 10000

// ErrMessageWithdrawn means a withdrawn message was to be edited: a
// tombstone keeps no text to correct.
var ErrMessageWithdrawn = fmt.Errorf("message withdrawn: %w", ErrConflict)

// Message is plain text posted by a member in a chat. EditedAt is the time
// of the latest correction (nil until the first). A withdrawn message is a
// tombstone: DiscardedAt is set and Content is empty, since the text is
// erased while the message keeps its place and times in the chat.
type Message struct {
	ID          ID
	ChatID      ID
	AuthorID    ID
	Content     string
	CreatedAt   time.Time
	EditedAt    *time.Time
	DiscardedAt *time.Time
}

// NewMessage validates content (1..MaxMessageLength characters after
// trimming) and returns the message.
func NewMessage(chatID, authorID ID, content string, now time.Time) (Message, error) {
	text, err := messageContent(content)
	if err != nil {
		return Message{}, err
	}
	return Message{
		ID:        NewID(),
		ChatID:    chatID,
		AuthorID:  authorID,
		Content:   text,
		CreatedAt: Timestamp(now),
	}, nil
}

// Withdrawn reports whether m is a tombstone.
func (m Message) Withdrawn() bool { return m.DiscardedAt != nil }

// Edit returns m with content as its new text (the same rules as on
// posting) and EditedAt set to now. A tombstone cannot be edited
// (ErrMessageWithdrawn).
func (m Message) Edit(content string, now time.Time) (Message, error) {
	if m.Withdrawn() {
		return Message{}, ErrMessageWithdrawn
	}
	text, err := messageContent(content)
	if err != nil {
		return Message{}, err
	}
	at := Timestamp(now)
	m.Content, m.EditedAt = text, &at
	return m, nil
}

// Withdraw returns m as a tombstone withdrawn at now: no content,
// DiscardedAt set. A tombstone stays as it is.
func (m Message) Withdraw(now time.Time) Message {
	if m.Withdrawn() {
		return m
	}
	at := Timestamp(now)
	m.Content, m.DiscardedAt = "", &at
	return m
}

// messageContent checks content (1..MaxMessageLength characters after
// trimming) and returns it trimmed.
func messageContent(content string) (string, error) {
	switch n := TrimmedLength(content); {
	case n == 0:
		return "", NewValidationError("content", RuleRequired)
	case n > MaxMessageLength:
		return "", NewValidationError("content", RuleTooLong)
	}
	return strings.TrimSpace(content), nil
}
