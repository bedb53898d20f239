package memstore

import (
	"github.com/parley-chat/parley/domain"
)

// markRead updates the read state after msg was stored: every other member
// whose bookmark is older counts one more unread message, and the author's
// bookmark moves forward to msg, after which the author's count is
// recounted. The caller holds the write lock.
func (s *Store) markRead(msg domain.Message) {
	for _, m := range s.memberships[msg.ChatID] {
		key := memberKey{chat: msg.ChatID, user: m.UserID}
		if m.UserID == msg.AuthorID {
			continue
		}
		if b, ok := s.bookmarks[key]; !ok || msg.CreatedAt.After(b.UpdatedAt) {
			s.unread[key]++
		}
	}
	key := memberKey{chat: msg.ChatID, user: msg.AuthorID}
	if b, ok := s.bookmarks[key]; !ok || msg.CreatedAt.After(b.UpdatedAt) {
		s.bookmarks[key] = domain.ChatBookmark{ChatID: msg.ChatID, UserID: msg.AuthorID, UpdatedAt: msg.CreatedAt}
	}
	s.recount(key)
}

// recount sets one member's unread count of a chat to the number of
// messages of the others created after the member's bookmark. The caller
// holds the write lock.
func (s *Store) recount(key memberKey) {
	b, ok := s.bookmarks[key]
	n := 0
	for _, id := range s.chatMessages[key.chat] {
		msg := s.messages[id]
		var bp *domain.ChatBookmark
		if ok {
			bp = &b
		}
		if domain.Unread(msg, key.user, bp) {
			n++
		}
	}
	s.unread[key] = n
}
