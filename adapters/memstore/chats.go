package memstore

import (
	"bytes"
	"context"
	"slices"

	"github.com/parley-chat/parley/application"
	"github.com/parley-chat/parley/domain"
)

var (
	_ application.ChatReadModel       = (*ChatReads)(nil)
	_ domain.ChatMembershipRepository = (*ChatMemberships)(nil)
)

// ChatReads answers queries over the chats of a Store.
type ChatReads struct {
	s *Store
}

// NewChatReads returns the chat read model of s.
func NewChatReads(s *Store) *ChatReads { return &ChatReads{s: s} }

// Get returns chat chatID with its memberships (by creation, then id) and
// latest message when actor is a member of it, else domain.ErrNotFound.
func (r *ChatReads) Get(ctx context.Context, actor domain.Actor, chatID domain.ID) (application.ChatView, error) {
	if err := ctx.Err(); err != nil {
		return application.ChatView{}, err
	}
	r.s.mu.RLock()
	defer r.s.mu.RUnlock()
	if _, err := r.s.membership(actor.AccountID, chatID, actor.UserID); err != nil {
		return application.ChatView{}, err
	}
	chat := copyChat(r.s.chats[chatID])
	key := memberKey{chat: chatID, user: actor.UserID}
	view := application.ChatView{Chat: chat, UnreadCount: r.s.unread[key]}
	if b, ok := r.s.bookmarks[key]; ok {
		view.Bookmark = &b
	}
	for _, m := range r.s.memberships[chatID] {
		view.Memberships = append(view.Memberships, copyMembership(m))
	}
	slices.SortFunc(view.Memberships, func(a, b domain.ChatMembership) int {
		if c := a.CreatedAt.Compare(b.CreatedAt); c != 0 {
			return c
		}
		return bytes.Compare(a.ID[:], b.ID[:])
	})
	if chat.LatestMessageID != nil {
		if msg, ok := r.s.messages[*chat.LatestMessageID]; ok {
			view.LatestMessage = &msg
		}
	}
	return view, nil
}

// ChatMemberships reads the chat memberships of a Store.
type ChatMemberships struct {
	s *Store
}

// NewChatMemberships returns the chat membership repository of s.
func NewChatMemberships(s *Store) *ChatMemberships { return &ChatMemberships{s: s} }

// Find returns userID's membership of chatID inside accountID, or
// domain.ErrNotFound.
func (r *ChatMemberships) Find(ctx context.Context, accountID, chatID, userID domain.ID) (domain.ChatMembership, error) {
	if err := ctx.Err(); err != nil {
		return domain.ChatMembership{}, err
	}
	r.s.mu.RLock()
	defer r.s.mu.RUnlock()
	m, err := r.s.membership(accountID, chatID, userID)
	if err != nil {
		return domain.ChatMembership{}, err
	}
	return copyMembership(m), nil
}

// membership finds userID's membership of chatID inside accountID. The caller
// holds the read lock.
func (s *Store) membership(accountID, chatID, userID domain.ID) (domain.ChatMembership, error) {
	chat, ok := s.chats[chatID]
	if !ok || chat.AccountID != accountID {
		return domain.ChatMembership{}, domain.ErrNotFound
	}
	for _, m := range s.memberships[chatID] {
		if m.UserID == userID {
			return m, nil
		}
	}
	return domain.ChatMembership{}, domain.ErrNotFound
}
