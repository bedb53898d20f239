package application

import (
	"context"
	"errors"
	"fmt"

	"github.com/parley-chat/parley/domain"
)

// GetChat returns a chat to one of its members.
type GetChat struct {
	reads ChatReadModel
}

// NewGetChat returns the use case.
func NewGetChat(reads ChatReadModel) *GetChat { return &GetChat{reads: reads} }

// Execute returns domain.ErrNotFound for a malformed id, a missing chat and a
// chat the actor is not a member of alike.
func (uc *GetChat) Execute(ctx context.Context, actor domain.Actor, chatID string) (ChatView, error) {
	id, err := domain.ParseID(chatID)
	if err != nil {
		return ChatView{}, domain.ErrNotFound
	}
	return uc.reads.Get(ctx, actor, id)
}

// authorize checks that actor is a member of chatID holding right: a
// non-member (or a malformed id) gets domain.ErrNotFound, a member without the
// right domain.ErrForbidden.
func authorize(ctx context.Context, members domain.ChatMembershipRepository, actor domain.Actor, chatID string, right domain.ChatRight) (domain.ID, error) {
	id, err := domain.ParseID(chatID)
	if err != nil {
		return domain.NilID, domain.ErrNotFound
	}
	m, err := members.Find(ctx, actor.AccountID, id, actor.UserID)
	if err != nil {
		if errors.Is(err, domain.ErrNotFound) {
			return domain.NilID, domain.ErrNotFound
		}
		return domain.NilID, fmt.Errorf("find membership: %w", err)
	}
	if !m.Can(right) {
		return domain.NilID, domain.ErrForbidden
	}
	return id, nil
}

// PostMessageInput is a message to post.
type PostMessageInput struct {
	Actor   domain.Actor
	ChatID  string
	Content string
}

// PostMessage posts a message in a chat and moves the chat's activity forward.
type PostMessage struct {
	members  domain.ChatMembershipRepository
	messages domain.MessageRepository
	clock    Clock
}

// NewPostMessage returns the use case.
func NewPostMessage(members domain.ChatMembershipRepository, messages domain.MessageRepository, clock Clock) *PostMessage {
	return &PostMessage{members: members, messages: messages, clock: clock}
}

// Execute needs messages.create: non-members get domain.ErrNotFound, members
// without the right domain.ErrForbidden, bad content a
// *domain.ValidationError on content.
func (uc *PostMessage) Execute(ctx context.Context, in PostMessageInput) (MessageView, error) {
	chatID, err := authorize(ctx, uc.members, in.Actor, in.ChatID, domain.RightMessagesCreate)
	if err != nil {
		return MessageView{}, err
	}
	if err := refuseDeactivatedPeer(ctx, uc.members, chatID, in.Actor.UserID); err != nil {
		return MessageView{}, err
	}
	msg, err := domain.NewMessage(chatID, in.Actor.UserID, in.Content, uc.clock.Now())
	if err != nil {
		return MessageView{}, err
	}
	if err := uc.messages.Post(ctx, msg); err != nil {
		return MessageView{}, fmt.Errorf("post message: %w", err)
	}
	return MessageView{Message: msg}, nil
}

// MessageListSchema is what GET /chats/:id/messages accepts: filters on
// created_at, so that a client can ask for what is newer than the message it
// has, and created_at in either direction, newest first by default. Every
// order ends in the id tie-break.
var MessageListSchema = ListSchema{
	Filterable:  map[string]FieldType{"created_at": TimeField},
	Sortable:    map[string]FieldType{"created_at": TimeField},
	DefaultSort: []SortKey{{Field: "created_at", Desc: true}},
}

// ListMessagesInput is the chat and the raw paging parameters.
type ListMessagesInput struct {
	Actor  domain.Actor
	ChatID string
	Query  RawListQuery
}

// ListMessages pages through a chat's messages, newest or oldest first.
type ListMessages struct {
	members domain.ChatMembershipRepository
	reads   MessageReadModel
}

// NewListMessages returns the use case.
func NewListMessages(members domain.ChatMembershipRepository, reads MessageReadModel) *ListMessages {
	return &ListMessages{members: members, reads: reads}
}

// Execute needs messages.read (non-members domain.ErrNotFound, members without
// it domain.ErrForbidden) and returns one page.
func (uc *ListMessages) Execute(ctx context.Context, in ListMessagesInput) (Page[MessageView], error) {
	chatID, err := authorize(ctx, uc.members, in.Actor, in.ChatID, domain.RightMessagesRead)
	if err != nil {
		return Page[MessageView]{}, err
	}
	q, err := MessageListSchema.Parse(in.Query)
	if err != nil {
		return Page[MessageView]{}, err
	}
	items, err := uc.reads.List(ctx, chatID, q)
	if err != nil {
		return Page[MessageView]{}, fmt.Errorf("list messages: %w", err)
	}
	return PageOf(items, q, func(v MessageView, _ []SortKey) ([]any, domain.ID) {
		return []any{v.Message.CreatedAt}, v.Message.ID
	}), nil
}
