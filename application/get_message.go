package application

import (
	"context"
	"errors"
	"fmt"

	"github.com/parley-chat/parley/domain"
)

// GetMessage returns one message to a member of its chat.
type GetMessage struct {
	members  domain.ChatMembershipRepository
	messages domain.MessageRepository
}

// NewGetMessage returns the use case.
func NewGetMessage(members domain.ChatMembershipRepository, messages domain.MessageRepository) *GetMessage {
	return &GetMessage{members: members, messages: messages}
}

// Execute returns domain.ErrNotFound for a malformed id, a missing message,
// a message of a chat the actor is not a member of and one of another
// account alike; a member without messages.read gets domain.ErrForbidden.
// A withdrawn message is returned as its tombstone.
func (uc *GetMessage) Execute(ctx context.Context, actor domain.Actor, messageID string) (domain.Message, error) {
	msg, m, err := findMessage(ctx, uc.members, uc.messages, actor, messageID)
	if err != nil {
		return domain.Message{}, err
	}
	if !m.Can(domain.RightMessagesRead) {
		return domain.Message{}, domain.ErrForbidden
	}
	return msg, nil
}

// findMessage loads messageID for actor with actor's membership of its
// chat: a malformed id, a missing message, another account's and one of a
// chat actor is not a member of are all domain.ErrNotFound.
func findMessage(ctx context.Context, members domain.ChatMembershipRepository, messages domain.MessageRepository,
	actor domain.Actor, messageID string,
) (domain.Message, domain.ChatMembership, error) {
	id, err := domain.ParseID(messageID)
	if err != nil {
		return domain.Message{}, domain.ChatMembership{}, domain.ErrNotFound
	}
	msg, err := messages.Find(ctx, actor.AccountID, id)
	if err != nil {
		if errors.Is(err, domain.ErrNotFound) {
			return domain.Message{}, domain.ChatMembership{}, domain.ErrNotFound
		}
		return domain.Message{}, domain.ChatMembership{}, fmt.Errorf("find message: %w", err)
	}
	m, err := members.Find(ctx, actor.AccountID, msg.ChatID, actor.UserID)
	if err != nil {
		if errors.Is(err, domain.ErrNotFound) {
			return domain.Message{}, domain.ChatMembership{}, domain.ErrNotFound
		}
		return domain.Message{}, domain.ChatMembership{}, fmt.Errorf("find membership: %w", err)
	}
	return msg, m, nil
}
