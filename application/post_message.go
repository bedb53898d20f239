package application

import (
	"context"
	"fmt"

	"github.com/parley-chat/parley/domain"
)

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
