package memstore

import (
	"context"
	"time"

	"github.com/parley-chat/parley/domain"
)

// Find returns message id when its chat belongs to accountID, else
// domain.ErrNotFound.
func (r *Messages) Find(ctx context.Context, accountID, id domain.ID) (domain.Message, error) {
	if err := ctx.Err(); err != nil {
		return domain.Message{}, err
	}
	r.s.mu.RLock()
	defer r.s.mu.RUnlock()
	msg, ok := r.s.messages[id]
	if !ok || r.s.chats[msg.ChatID].AccountID != accountID {
		return domain.Message{}, domain.ErrNotFound
	}
	return msg, nil
}

// Edit stores msg's content and edit time, unless the stored message is a
// tombstone (domain.ErrMessageWithdrawn), with its message.updated event.
func (r *Messages) Edit(ctx context.Context, msg domain.Message) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	r.s.mu.Lock()
	defer r.s.mu.Unlock()
	stored, ok := r.s.messages[msg.ID]
	switch {
	case !ok:
		return domain.ErrNotFound
	case stored.Withdrawn():
		return domain.ErrMessageWithdrawn
	}
	stored.Content, stored.EditedAt = msg.Content, copyTime(msg.EditedAt)
	r.s.messages[msg.ID] = stored
	r.s.appendChatEvent(domain.MessageUpdatedEvent(stored))
	return nil
}

// Withdraw turns the stored message into a tombstone, takes it off the
// unread count of every other member for whom it was unread and records
// its message.deleted event, atomically; a tombstone stays as it is and
// reports false.
func (r *Messages) Withdraw(ctx context.Context, msg domain.Message) (bool, error) {
	if err := ctx.Err(); err != nil {
		return false, err
	}
	r.s.mu.Lock()
	defer r.s.mu.Unlock()
	stored, ok := r.s.messages[msg.ID]
	switch {
	case !ok:
		return false, domain.ErrNotFound
	case stored.Withdrawn():
		return false, nil
	}
	for _, m := range r.s.memberships[stored.ChatID] {
		key := memberKey{chat: stored.ChatID, user: m.UserID}
		var bp *domain.ChatBookmark
		if b, ok := r.s.bookmarks[key]; ok {
			bp = &b
		}
		if domain.Unread(stored, m.UserID, bp) {
			r.s.unread[key]--
		}
	}
	stored.Content, stored.DiscardedAt = "", copyTime(msg.DiscardedAt)
	r.s.messages[msg.ID] = stored
	r.s.appendChatEvent(domain.MessageDeletedEvent(stored))
	return true, nil
}

// copyTime returns t as a timestamp of the store's own, or nil.
func copyTime(t *time.Time) *time.Time {
	if t == nil {
		return nil
	}
	v := domain.Timestamp(*t)
	return &v
}
