package domain

import "context"

// DirectConversationRepository writes direct conversations as whole
// aggregates.
type DirectConversationRepository interface {
	// Create writes the conversation, its chat and both memberships in one
	// transaction. It returns ErrConflict when the unordered pair already has
	// a conversation in the account; nothing at all is written then.
	Create(ctx context.Context, agg DirectConversationAggregate) error
}
