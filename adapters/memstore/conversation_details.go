package memstore

import (
	"context"

	"github.com/parley-chat/parley/application"
	"github.com/parley-chat/parley/domain"
)

var _ application.ConversationDetailsReadModel = (*ConversationDetails)(nil)

// ConversationDetails fetches the details a page of direct conversations of
// a Store includes.
type ConversationDetails struct {
	s *Store
}

// NewConversationDetails returns the conversation details read model of s.
func NewConversationDetails(s *Store) *ConversationDetails { return &ConversationDetails{s: s} }

// LatestMessages returns the messages with the given ids and their authors,
// without password hashes.
func (r *ConversationDetails) LatestMessages(ctx context.Context, ids []domain.ID) ([]application.MessageView, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	r.s.mu.RLock()
	defer r.s.mu.RUnlock()
	var out []application.MessageView
	for _, id := range ids {
		if msg, ok := r.s.messages[id]; ok {
			out = append(out, application.MessageView{Message: msg, Author: withoutHash(r.s.users[msg.AuthorID])})
		}
	}
	return out, nil
}

// Bookmarks returns the actor's bookmarks of chatIDs.
func (r *ConversationDetails) Bookmarks(ctx context.Context, actor domain.Actor, chatIDs []domain.ID) ([]domain.ChatBookmark, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	r.s.mu.RLock()
	defer r.s.mu.RUnlock()
	var out []domain.ChatBookmark
	for _, id := range chatIDs {
		if b, ok := r.s.bookmarks[memberKey{chat: id, user: actor.UserID}]; ok {
			out = append(out, b)
		}
	}
	return out, nil
}
