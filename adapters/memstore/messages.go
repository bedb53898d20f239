package memstore

import (
	"bytes"
	"context"

	"github.com/parley-chat/parley/domain"
)

var _ domain.MessageRepository = (*Messages)(nil)

// Messages writes the messages of a Store.
type Messages struct {
	s *Store
}

// NewMessages returns the message repository of s.
func NewMessages(s *Store) *Messages { return &Messages{s: s} }

// Post stores msg and, atomically, moves its chat's UpdatedAt forward to
// msg.CreatedAt (never backwards) and points LatestMessageID at msg when it
// is the newest by creation time, then id, and keeps the read state exact
// (read_state.go). It returns domain.ErrNotFound when the chat or the author
// does not exist or the author is not a member, and domain.ErrConflict when
// the id is taken.
func (r *Messages) Post(ctx context.Context, msg domain.Message) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	msg.CreatedAt = domain.Timestamp(msg.CreatedAt)
	r.s.mu.Lock()
	defer r.s.mu.Unlock()
	chat, ok := r.s.chats[msg.ChatID]
	if !ok {
		return domain.ErrNotFound
	}
	if _, ok := r.s.users[msg.AuthorID]; !ok {
		return domain.ErrNotFound
	}
	if _, ok := r.s.messages[msg.ID]; ok {
		return domain.ErrConflict
	}
	if _, err := r.s.membership(chat.AccountID, chat.ID, msg.AuthorID); err != nil {
		return err
	}
	if msg.CreatedAt.After(chat.UpdatedAt) {
		chat.UpdatedAt = msg.CreatedAt
	}
	if chat.LatestMessageID == nil || newer(msg, r.s.messages[*chat.LatestMessageID]) {
		id := msg.ID
		chat.LatestMessageID = &id
	}
	r.s.chats[chat.ID] = chat
	r.s.messages[msg.ID] = msg
	r.s.chatMessages[chat.ID] = append(r.s.chatMessages[chat.ID], msg.ID)
	r.s.markRead(msg)
	r.s.appendChatEvent(domain.MessageCreatedEvent(msg))
	return nil
}

// newer reports whether a comes after b by (CreatedAt, ID).
func newer(a, b domain.Message) bool {
	if c := a.CreatedAt.Compare(b.CreatedAt); c != 0 {
		return c > 0
	}
	return bytes.Compare(a.ID[:], b.ID[:]) > 0
}
