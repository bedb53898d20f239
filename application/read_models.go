package application

import (
	"context"

	"github.com/parley-chat/parley/domain"
)

// UserReadModel answers collection queries over users.
type UserReadModel interface {
	// List returns up to q.Size+1 users of actor's account matching q, in
	// q's order. Filterable: name, email (text), created_at (time); sortable:
	// name (compared folded), created_at. The users carry no PasswordHash.
	List(ctx context.Context, actor domain.Actor, q ListQuery) ([]domain.User, error)
}

// DirectConversationView is a direct conversation with everything a client
// can include: its chat and both users. Stores fetch it in one statement.
// The users carry no PasswordHash: no view needs it, so no store reads it.
type DirectConversationView struct {
	Conversation domain.DirectConversation
	Chat         domain.Chat
	FirstUser    domain.User
	SecondUser   domain.User
	// UnreadCount is how many messages of the chat are unread for the
	// actor who asked, as the stores maintain it.
	UnreadCount int
	// LatestMessage (with its author) and Bookmark (the asking actor's) are
	// filled only on request, by LoadConversationDetails; nil otherwise and
	// when there is none.
	LatestMessage *MessageView
	Bookmark      *domain.ChatBookmark
}

// DirectConversationQuery is a validated list query over the actor's direct
// conversations. SearchPeer, when not empty, is already folded with FoldText
// and matches conversations whose other participant's folded name contains
// it, with %, _ and \ taken literally. UnreadOnly keeps only the
// conversations with at least one message unread for the actor.
type DirectConversationQuery struct {
	ListQuery
	SearchPeer string
	UnreadOnly bool
}

// DirectConversationReadModel answers queries over direct conversations.
type DirectConversationReadModel interface {
	// List returns up to q.Size+1 of actor's conversations (as first or
	// second user) matching q, in q's order. Filterable: first_user_id,
	// second_user_id (id), created_at, updated_at (time); sortable:
	// chat_updated_at, created_at, updated_at (time).
	List(ctx context.Context, actor domain.Actor, q DirectConversationQuery) ([]DirectConversationView, error)
	// Get returns conversation id when actor takes part in it, else
	// domain.ErrNotFound.
	Get(ctx context.Context, actor domain.Actor, id domain.ID) (DirectConversationView, error)
	// GetWithPeer returns the conversation between actor and peerID, or
	// domain.ErrNotFound when they have none.
	GetWithPeer(ctx context.Context, actor domain.Actor, peerID domain.ID) (DirectConversationView, error)
}

// ChatView is a chat with its memberships (ordered by creation, then id) and
// latest message (nil before the first), and the read state of the actor
// who asked: their bookmark (nil when none) and unread count.
type ChatView struct {
	Chat          domain.Chat
	Memberships   []domain.ChatMembership
	LatestMessage *domain.Message
	Bookmark      *domain.ChatBookmark
	UnreadCount   int
}

// ChatReadModel answers queries over chats.
type ChatReadModel interface {
	// Get returns chat chatID when actor is a member of it, else
	// domain.ErrNotFound.
	Get(ctx context.Context, actor domain.Actor, chatID domain.ID) (ChatView, error)
}

// MessageView is a message with its author, without the author's
// PasswordHash.
type MessageView struct {
	Message domain.Message
	Author  domain.User
}

// MessageReadModel answers queries over the messages of a chat.
type MessageReadModel interface {
	// List returns up to q.Size+1 messages of chatID matching q, in q's
	// order (created_at either way, then id in the same direction), after
	// q.After when set; its keyset holds one value, created_at. Filterable
	// and sortable: created_at (time). The caller has checked access.
	List(ctx context.Context, chatID domain.ID, q ListQuery) ([]MessageView, error)
}
