package domain

import (
	"bytes"
	"time"
)

// ContextDirectConversation is the chat context type of a direct conversation.
const ContextDirectConversation = "direct_conversation"

// DirectConversation is a one-to-one conversation between two users of one
// account. FirstUserID started it. Each unordered pair of users has at most
// one; stores enforce that with a unique constraint on (AccountID, low, high)
// of PairKey.
type DirectConversation struct {
	ID           ID
	AccountID    ID
	FirstUserID  ID
	SecondUserID ID
	CreatedAt    time.Time
	UpdatedAt    time.Time
}

// PairKey returns the pair's two user ids in a canonical order (bytewise
// ascending), the key of the uniqueness rule for the unordered pair.
func (c DirectConversation) PairKey() (low, high ID) {
	return OrderedPair(c.FirstUserID, c.SecondUserID)
}

// PeerOf returns the participant who is not userID.
func (c DirectConversation) PeerOf(userID ID) ID {
	if c.FirstUserID == userID {
		return c.SecondUserID
	}
	return c.FirstUserID
}

// HasParticipant reports whether userID takes part in the conversation.
func (c DirectConversation) HasParticipant(userID ID) bool {
	return c.FirstUserID == userID || c.SecondUserID == userID
}

// OrderedPair returns a and b in bytewise ascending order.
func OrderedPair(a, b ID) (low, high ID) {
	if bytes.Compare(a[:], b[:]) <= 0 {
		return a, b
	}
	return b, a
}

// DirectConversationAggregate is everything that starting a direct
// conversation writes, in one transaction: the conversation, its chat and the
// two memberships. Memberships[0] belongs to the first user.
type DirectConversationAggregate struct {
	Conversation DirectConversation
	Chat         Chat
	Memberships  [2]ChatMembership
}

// StartDirectConversation builds the aggregate for actor starting a
// conversation with peer. It enforces the invariants: the peer belongs to the
// actor's account and is someone else.
func StartDirectConversation(actor Actor, peer User, now time.Time) (DirectConversationAggregate, error) {
	if peer.ID == actor.UserID {
		return DirectConversationAggregate{}, NewValidationError("user_id", RuleSelf)
	}
	if peer.AccountID != actor.AccountID {
		return DirectConversationAggregate{}, &ReferenceError{Field: "user_id"}
	}
	now = Timestamp(now)
	conv := DirectConversation{
		ID:           NewID(),
		AccountID:    actor.AccountID,
		FirstUserID:  actor.UserID,
		SecondUserID: peer.ID,
		CreatedAt:    now,
		UpdatedAt:    now,
	}
	chat := Chat{
		ID:          NewID(),
		AccountID:   actor.AccountID,
		ContextType: ContextDirectConversation,
		ContextID:   conv.ID,
		CreatedAt:   now,
		UpdatedAt:   now,
	}
	rights := []ChatRight{RightMessagesRead, RightMessagesCreate}
	return DirectConversationAggregate{
		Conversation: conv,
		Chat:         chat,
		Memberships: [2]ChatMembership{
			NewChatMembership(chat.ID, actor.UserID, rights, now),
			NewChatMembership(chat.ID, peer.ID, rights, now),
		},
	}, nil
}
