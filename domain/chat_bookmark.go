package domain

import "time"

// ChatBookmark is a member's read marker in a chat: every message created
// after UpdatedAt by someone else is unread for that member. There is at most
// one per member and chat, and it never moves backwards.
type ChatBookmark struct {
	ChatID    ID
	UserID    ID
	UpdatedAt time.Time
}

// NewChatBookmark returns userID's bookmark of chatID at at, clamped to now:
// a bookmark in the future would hide messages not written yet.
func NewChatBookmark(chatID, userID ID, at, now time.Time) ChatBookmark {
	if at.IsZero() || at.After(now) {
		at = now
	}
	return ChatBookmark{ChatID: chatID, UserID: userID, UpdatedAt: Timestamp(at)}
}

// Unread reports whether msg is unread for the holder of bookmark b; b is nil
// when the member has no bookmark, and then every message of the others is
// unread. A withdrawn message is never unread.
func Unread(msg Message, userID ID, b *ChatBookmark) bool {
	if msg.AuthorID == userID || msg.Withdrawn() {
		return false
	}
	return b == nil || msg.CreatedAt.After(b.UpdatedAt)
}
