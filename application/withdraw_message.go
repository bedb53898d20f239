package application

import (
	"context"
	"fmt"

	"github.com/parley-chat/parley/domain"
)

// WithdrawMessage lets the author take a message back: it stays in the
// chat as a tombstone without its text.
type WithdrawMessage struct {
	members  domain.ChatMembershipRepository
	messages domain.MessageRepository
	clock    Clock
}

// NewWithdrawMessage returns the use case.
func NewWithdrawMessage(members domain.ChatMembershipRepository, messages domain.MessageRepository, clock Clock) *WithdrawMessage {
	return &WithdrawMessage{members: members, messages: messages, clock: clock}
}

// Execute answers domain.ErrNotFound as GetMessage does and
// domain.ErrForbidden to members who are not the author. Withdrawing a
// tombstone again succeeds and changes nothing. Unlike posting and editing,
// withdrawing stays allowed in a chat whose peer is deactivated: taking a
// message back adds nothing the peer could not answer.
func (uc *WithdrawMessage) Execute(ctx context.Context, actor domain.Actor, messageID string) error {
	msg, _, err := findMessage(ctx, uc.members, uc.messages, actor, messageID)
	if err != nil {
		return err
	}
	if msg.AuthorID != actor.UserID {
		return domain.ErrForbidden
	}
	if msg.Withdrawn() {
		return nil
	}
	if _, err := uc.messages.Withdraw(ctx, msg.Withdraw(uc.clock.Now())); err != nil {
		return fmt.Errorf("withdraw message: %w", err)
	}
	return nil
}
