package gormstore

import (
	"context"
	"fmt"

	"github.com/google/uuid"

	"github.com/parley-chat/parley/application"
	"github.com/parley-chat/parley/domain"
)

// ChatReads answers queries over chats in two statements: the chat with its
// latest message, then its memberships.
type ChatReads struct {
	s *Store
}

var _ application.ChatReadModel = (*ChatReads)(nil)

// NewChatReads returns the chat read model of s.
func NewChatReads(s *Store) *ChatReads { return &ChatReads{s: s} }

// chatWithLatest is a chat joined with its latest message, whose columns are
// all NULL before the first message.
type chatWithLatest struct {
	chat                  chatRow
	msgID, msgChat, msgBy uuid.NullUUID
	msgContent            *string
	msgAt                 *dbTime
}

func chatWithLatestDest(v *chatWithLatest) []any {
	return append(v.chat.dest(), &v.msgID, &v.msgChat, &v.msgBy, &v.msgContent, &v.msgAt)
}

// Get returns chat chatID when the actor is a member of it in their account.
func (r *ChatReads) Get(ctx context.Context, actor domain.Actor, chatID domain.ID) (application.ChatView, error) {
	ctx, cancel := r.s.bound(ctx)
	defer cancel()
	db := r.s.conn(ctx)
	row, err := queryOne(db, "SELECT "+columns("ch", chatColumns)+", "+columns("lm", messageColumns)+`
FROM chats ch
JOIN chat_memberships me ON me.chat_id = ch.id AND me.user_id = ?
LEFT JOIN messages lm ON lm.id = ch.latest_message_id
WHERE ch.id = ? AND ch.account_id = ?`, []any{actor.UserID, chatID, actor.AccountID}, chatWithLatestDest)
	if err != nil {
		return application.ChatView{}, translate("get chat", err)
	}
	members, err := queryRows(db, "SELECT "+columns("m", membershipColumns)+
		" FROM chat_memberships m WHERE m.chat_id = ? ORDER BY m.created_at, m.id",
		[]any{chatID}, func(m *membershipRow) []any { return m.dest() })
	if err != nil {
		return application.ChatView{}, translate("get chat memberships", err)
	}
	view := application.ChatView{Chat: row.chat.domain(), Memberships: make([]domain.ChatMembership, len(members))}
	for i, m := range members {
		view.Memberships[i] = m.domain()
	}
	if row.msgID.Valid && row.msgContent != nil && row.msgAt != nil {
		view.LatestMessage = &domain.Message{
			ID: row.msgID.UUID, ChatID: row.msgChat.UUID, AuthorID: row.msgBy.UUID,
			Content: *row.msgContent, CreatedAt: row.msgAt.Time,
		}
	}
	return view, nil
}

// ChatMemberships reads memberships for authorization decisions.
type ChatMemberships struct {
	s *Store
}

var _ domain.ChatMembershipRepository = (*ChatMemberships)(nil)

// NewChatMemberships returns the chat membership repository of s.
func NewChatMemberships(s *Store) *ChatMemberships { return &ChatMemberships{s: s} }

// Find returns userID's membership of chatID inside accountID, or
// domain.ErrNotFound.
func (r *ChatMemberships) Find(ctx context.Context, accountID, chatID, userID domain.ID) (domain.ChatMembership, error) {
	ctx, cancel := r.s.bound(ctx)
	defer cancel()
	row, err := queryOne(r.s.conn(ctx), "SELECT "+columns("m", membershipColumns)+`
FROM chat_memberships m JOIN chats ch ON ch.id = m.chat_id
WHERE m.chat_id = ? AND m.user_id = ? AND ch.account_id = ?`,
		[]any{chatID, userID, accountID}, func(m *membershipRow) []any { return m.dest() })
	if err != nil {
		return domain.ChatMembership{}, translate(fmt.Sprintf("find membership of chat %s", chatID), err)
	}
	return row.domain(), nil
}
