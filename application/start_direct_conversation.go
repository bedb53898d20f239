package application

import (
	"context"
	"errors"
	"fmt"

	"github.com/parley-chat/parley/domain"
)

// StartDirectConversationInput names the user to talk to.
type StartDirectConversationInput struct {
	Actor  domain.Actor
	UserID string
}

// StartDirectConversationOutput is the conversation and whether this call
// created it.
type StartDirectConversationOutput struct {
	View    DirectConversationView
	Created bool
}

// StartDirectConversation opens the direct conversation between the actor and
// another user of their account, or returns the one they already share.
type StartDirectConversation struct {
	users         domain.UserRepository
	conversations domain.DirectConversationRepository
	reads         DirectConversationReadModel
	clock         Clock
}

// NewStartDirectConversation returns the use case.
func NewStartDirectConversation(users domain.UserRepository, conversations domain.DirectConversationRepository, reads DirectConversationReadModel, clock Clock) *StartDirectConversation {
	return &StartDirectConversation{users: users, conversations: conversations, reads: reads, clock: clock}
}

// Execute returns a *domain.ValidationError on user_id when it is missing,
// malformed, the actor's own id or a deactivated user (even when the pair
// already has a conversation, which stays readable through the other use
// cases), and a *domain.ReferenceError on user_id when no such user is in
// the account. An existing conversation of the pair is returned unchanged
// (Created false) without writing anything, found in one read whose users
// tell whether the peer is deactivated; when a concurrent call wins the race
// to create it, the winner is returned.
func (uc *StartDirectConversation) Execute(ctx context.Context, in StartDirectConversationInput) (StartDirectConversationOutput, error) {
	if in.UserID == "" {
		return StartDirectConversationOutput{}, domain.NewValidationError("user_id", domain.RuleRequired)
	}
	peerID, err := domain.ParseID(in.UserID)
	if err != nil {
		return StartDirectConversationOutput{}, domain.NewValidationError("user_id", domain.RuleFormat)
	}
	if peerID == in.Actor.UserID {
		return StartDirectConversationOutput{}, domain.NewValidationError("user_id", domain.RuleSelf)
	}
	if view, err := uc.reads.GetWithPeer(ctx, in.Actor, peerID); err == nil {
		if !view.FirstUser.Active() || !view.SecondUser.Active() {
			return StartDirectConversationOutput{}, domain.NewValidationError("user_id", domain.RuleDeactivated)
		}
		return StartDirectConversationOutput{View: view}, nil
	} else if !errors.Is(err, domain.ErrNotFound) {
		return StartDirectConversationOutput{}, fmt.Errorf("find existing conversation: %w", err)
	}
	peer, err := uc.users.ByID(ctx, in.Actor.AccountID, peerID)
	if errors.Is(err, domain.ErrNotFound) {
		return StartDirectConversationOutput{}, &domain.ReferenceError{Field: "user_id"}
	} else if err != nil {
		return StartDirectConversationOutput{}, fmt.Errorf("find peer: %w", err)
	} else if !peer.Active() {
		return StartDirectConversationOutput{}, domain.NewValidationError("user_id", domain.RuleDeactivated)
	}
	agg, err := domain.StartDirectConversation(in.Actor, peer, uc.clock.Now())
	if err != nil {
		return StartDirectConversationOutput{}, err
	}
	switch err := uc.conversations.Create(ctx, agg); {
	case errors.Is(err, domain.ErrConflict):
		view, err := uc.reads.GetWithPeer(ctx, in.Actor, peerID)
		if err != nil {
			return StartDirectConversationOutput{}, fmt.Errorf("re-read winning conversation: %w", err)
		}
		return StartDirectConversationOutput{View: view}, nil
	case err != nil:
		return StartDirectConversationOutput{}, fmt.Errorf("create conversation: %w", err)
	}
	view, err := uc.reads.Get(ctx, in.Actor, agg.Conversation.ID)
	if err != nil {
		return StartDirectConversationOutput{}, fmt.Errorf("read created conversation: %w", err)
	}
	return StartDirectConversationOutput{View: view, Created: true}, nil
}
