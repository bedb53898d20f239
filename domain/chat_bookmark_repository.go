package domain

import "context"

// ChatBookmarkRepository writes and reads chat bookmarks, and keeps each
// member's unread count of the chat exact in the same transaction.
type ChatBookmarkRepository interface {
	// Move creates the bookmark of b.UserID in b.ChatID at b.UpdatedAt, or
	// moves the existing one forward to it; an earlier time leaves it
	// unchanged. In the same transaction it recounts that member's unread
	// messages of the chat. It returns the stored bookmark and whether it was
	// created, or ErrNotFound when the chat does not exist inside accountID
	// or the user is not a member of it.
	Move(ctx context.Context, accountID ID, b ChatBookmark) (ChatBookmark, bool, error)
	// Find returns userID's bookmark of chatID inside accountID, or
	// ErrNotFound when there is none (or no such chat or member).
	Find(ctx context.Context, accountID, chatID, userID ID) (ChatBookmark, error)
}
