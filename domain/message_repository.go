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
	// Find returns message id when its chat belongs to accountID, else
	// ErrNotFound.
	Find(ctx context.Context, accountID, id ID) (Message, error)
	// Edit stores msg's new Content and EditedAt when the stored message is
	// not withdrawn, and appends its message.updated event to the chat's
	// members in the same transaction. It changes neither the chat's
	// UpdatedAt nor its LatestMessageID nor any read state. It returns
	// ErrMessageWithdrawn when the message was withdrawn meanwhile and
	// ErrNotFound when it does not exist.
	Edit(ctx context.Context, msg Message) error
	// Withdraw turns the stored message into a tombstone (Content cleared,
	// DiscardedAt set to msg.DiscardedAt) and, in the same transaction,
	// lowers by one the unread count of every other member for whom it was
	// unread and appends its message.deleted event to the chat's members.
	// It reports false, and writes nothing, when the message was already
	// withdrawn. The chat's UpdatedAt and LatestMessageID stay.
	Withdraw(ctx context.Context, msg Message) (bool, error)
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
