package domain

import "context"

// MessageRepository writes messages and the chat activity they cause.
type MessageRepository interface {
	// Post stores msg and, in the same transaction, moves its chat's
	// UpdatedAt forward to msg.CreatedAt (never backwards), sets the chat's
	// LatestMessageID when msg is the newest, and updates whatever activity
	// keys the stores keep for the conversation lists of the chat's members.
	// In the same transaction it adds msg to the unread count of every other
	// member whose bookmark is older, moves the author's bookmark forward to
	// msg.CreatedAt and recounts the author's unread messages of the chat.
	// It returns ErrNotFound when the chat does not exist or the author is
	// not a member of it.
	Post(ctx context.Context, msg Message) error
}

// ChatMembershipRepository reads memberships for authorization decisions.
type ChatMembershipRepository interface {
	// Find returns userID's membership of chatID inside accountID, or
	// ErrNotFound when the chat does not exist in that account or the user
	// is not a member.
	Find(ctx context.Context, accountID, chatID, userID ID) (ChatMembership, error)
	// HasDeactivatedPeer reports whether a member of chatID other than
	// userID has been deactivated.
	HasDeactivatedPeer(ctx context.Context, chatID, userID ID) (bool, error)
}
