package application

import (
	"context"
	"fmt"

	"github.com/parley-chat/parley/domain"
)

// EditMessageInput is a correction of a message.
type EditMessageInput struct {
	Actor     domain.Actor
	MessageID string
	Content   string
}

// EditMessage lets the author correct the text of their message.
type EditMessage struct {
	members  domain.ChatMembershipRepository
	messages domain.MessageRepository
	clock    Clock
}

// NewEditMessage returns the use case.
func NewEditMessage(members domain.ChatMembershipRepository, messages domain.MessageRepository, clock Clock) *EditMessage {
	return &EditMessage{members: members, messages: messages, clock: clock}
}

// Execute answers domain.ErrNotFound as GetMessage does; domain.ErrForbidden
// to members who are not the author or lack messages.create and in a chat
// whose peer is deactivated (as posting); domain.ErrMessageWithdrawn for a
// tombstone; a *domain.ValidationError on content for bad content.
func (uc *EditMessage) Execute(ctx context.Context, in EditMessageInput) (domain.Message, error) {
	msg, m, err := findMessage(ctx, uc.members, uc.messages, in.Actor, in.MessageID)
	if err != nil {
		return domain.Message{}, err
	}
	if msg.AuthorID != in.Actor.UserID || !m.Can(domain.RightMessagesCreate) {
		return domain.Message{}, domain.ErrForbidden
	}
	if err := refuseDeactivatedPeer(ctx, uc.members, msg.ChatID, in.Actor.UserID); err != nil {
		return domain.Message{}, err
	}
	edited, err := msg.Edit(in.Content, uc.clock.Now())
	if err != nil {
		return domain.Message{}, err
	}
	if err := uc.messages.Edit(ctx, edited); err != nil {
		return domain.Message{}, fmt.Errorf("edit message: %w", err)
	}
	return edited, nil
}
