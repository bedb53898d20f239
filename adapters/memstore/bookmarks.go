package memstore

import (
	"context"

	"github.com/parley-chat/parley/domain"
)

var _ domain.ChatBookmarkRepository = (*ChatBookmarks)(nil)

// ChatBookmarks writes and reads the chat bookmarks of a Store.
type ChatBookmarks struct {
	s *Store
}

// NewChatBookmarks returns the chat bookmark repository of s.
func NewChatBookmarks(s *Store) *ChatBookmarks { return &ChatBookmarks{s: s} }

// Move creates the bookmark or moves it forward (never backwards) and
// recounts the member's unread messages of the chat, atomically. It returns
// domain.ErrNotFound when the chat is not in accountID or the user is not a
// member.
func (r *ChatBookmarks) Move(ctx context.Context, accountID domain.ID, b domain.ChatBookmark) (domain.ChatBookmark, bool, error) {
	if err := ctx.Err(); err != nil {
		return domain.ChatBookmark{}, false, err
	}
	b.UpdatedAt = domain.Timestamp(b.UpdatedAt)
	r.s.mu.Lock()
	defer r.s.mu.Unlock()
	if _, err := r.s.membership(accountID, b.ChatID, b.UserID); err != nil {
		return domain.ChatBookmark{}, false, err
	}
	key := memberKey{chat: b.ChatID, user: b.UserID}
	old, ok := r.s.bookmarks[key]
	if ok && !b.UpdatedAt.After(old.UpdatedAt) {
		return old, false, nil
	}
	r.s.bookmarks[key] = b
	r.s.recount(key)
	r.s.appendChatEvent(domain.ChatBookmarkUpdatedEvent(b))
	return b, !ok, nil
}

// Find returns userID's bookmark of chatID inside accountID, or
// domain.ErrNotFound.
func (r *ChatBookmarks) Find(ctx context.Context, accountID, chatID, userID domain.ID) (domain.ChatBookmark, error) {
	if err := ctx.Err(); err != nil {
		return domain.ChatBookmark{}, err
	}
	r.s.mu.RLock()
	defer r.s.mu.RUnlock()
	if _, err := r.s.membership(accountID, chatID, userID); err != nil {
		return domain.ChatBookmark{}, err
	}
	b, ok := r.s.bookmarks[memberKey{chat: chatID, user: userID}]
	if !ok {
		return domain.ChatBookmark{}, domain.ErrNotFound
	}
	return b, nil
}
