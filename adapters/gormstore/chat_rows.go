package gormstore

import (
	"strings"

	"github.com/google/uuid"

	"github.com/parley-chat/parley/domain"
)

var (
	conversationColumns = []string{"id", "account_id", "first_user_id", "second_user_id", "user_low_id", "user_high_id", "created_at", "updated_at"}
	chatColumns         = []string{"id", "account_id", "context_type", "context_id", "latest_message_id", "created_at", "updated_at"}
	membershipColumns   = []string{"id", "chat_id", "user_id", "role_ids", "created_at", "direct_conversation_id", "peer_user_id", "chat_updated_at"}
	messageColumns      = []string{"id", "chat_id", "author_id", "content", "created_at"}
)

// conversationRow is a direct_conversations row; the low and high ids are
// the unordered pair's key.
type conversationRow struct {
	ID, AccountID, FirstUserID, SecondUserID, UserLowID, UserHighID domain.ID
	CreatedAt, UpdatedAt                                            dbTime
}

func conversationValues(c domain.DirectConversation) []any {
	low, high := c.PairKey()
	return []any{c.ID, c.AccountID, c.FirstUserID, c.SecondUserID, low, high, at(c.CreatedAt), at(c.UpdatedAt)}
}

func (r *conversationRow) dest() []any {
	return []any{&r.ID, &r.AccountID, &r.FirstUserID, &r.SecondUserID, &r.UserLowID, &r.UserHighID, &r.CreatedAt, &r.UpdatedAt}
}

func (r conversationRow) domain() domain.DirectConversation {
	return domain.DirectConversation{
		ID: r.ID, AccountID: r.AccountID, FirstUserID: r.FirstUserID, SecondUserID: r.SecondUserID,
		CreatedAt: r.CreatedAt.Time, UpdatedAt: r.UpdatedAt.Time,
	}
}

// chatRow is a chats row.
type chatRow struct {
	ID, AccountID        domain.ID
	ContextType          string
	ContextID            domain.ID
	LatestMessageID      uuid.NullUUID
	CreatedAt, UpdatedAt dbTime
}

func chatValues(c domain.Chat) []any {
	return []any{c.ID, c.AccountID, c.ContextType, c.ContextID, nullID(c.LatestMessageID), at(c.CreatedAt), at(c.UpdatedAt)}
}

func (r *chatRow) dest() []any {
	return []any{&r.ID, &r.AccountID, &r.ContextType, &r.ContextID, &r.LatestMessageID, &r.CreatedAt, &r.UpdatedAt}
}

func (r chatRow) domain() domain.Chat {
	return domain.Chat{
		ID: r.ID, AccountID: r.AccountID, ContextType: r.ContextType, ContextID: r.ContextID,
		LatestMessageID: idPtr(r.LatestMessageID), CreatedAt: r.CreatedAt.Time, UpdatedAt: r.UpdatedAt.Time,
	}
}

// membershipRow is a chat_memberships row with its denormalised inbox
// columns: the direct conversation, the other member and the chat's
// activity time, so that a member's conversation list is one index walk.
type membershipRow struct {
	ID, ChatID, UserID   domain.ID
	RoleIDs              string
	CreatedAt            dbTime
	DirectConversationID uuid.NullUUID
	PeerUserID           uuid.NullUUID
	ChatUpdatedAt        dbTime
}

func (r *membershipRow) dest() []any {
	return []any{&r.ID, &r.ChatID, &r.UserID, &r.RoleIDs, &r.CreatedAt, &r.DirectConversationID, &r.PeerUserID, &r.ChatUpdatedAt}
}

func (r membershipRow) domain() domain.ChatMembership {
	var rights []domain.ChatRight
	for name := range strings.FieldsSeq(r.RoleIDs) {
		rights = append(rights, domain.ChatRight(name))
	}
	return domain.ChatMembership{ID: r.ID, ChatID: r.ChatID, UserID: r.UserID, Rights: rights, CreatedAt: r.CreatedAt.Time}
}

func roleIDs(rights []domain.ChatRight) string {
	names := make([]string, len(rights))
	for i, r := range rights {
		names[i] = string(r)
	}
	return strings.Join(names, " ")
}

// messageRow is a messages row.
type messageRow struct {
	ID, ChatID, AuthorID domain.ID
	Content              string
	CreatedAt            dbTime
}

func messageValues(m domain.Message) []any {
	return []any{m.ID, m.ChatID, m.AuthorID, m.Content, at(m.CreatedAt)}
}

func (r *messageRow) dest() []any {
	return []any{&r.ID, &r.ChatID, &r.AuthorID, &r.Content, &r.CreatedAt}
}

func (r messageRow) domain() domain.Message {
	return domain.Message{ID: r.ID, ChatID: r.ChatID, AuthorID: r.AuthorID, Content: r.Content, CreatedAt: r.CreatedAt.Time}
}
