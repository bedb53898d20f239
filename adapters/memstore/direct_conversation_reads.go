package memstore

import (
	"context"
	"strings"

	"github.com/parley-chat/parley/application"
	"github.com/parley-chat/parley/domain"
)

var _ application.DirectConversationReadModel = (*DirectConversationReads)(nil)

// DirectConversationReads answers queries over the direct conversations of a
// Store.
type DirectConversationReads struct {
	s *Store
}

// NewDirectConversationReads returns the direct conversation read model of s.
func NewDirectConversationReads(s *Store) *DirectConversationReads {
	return &DirectConversationReads{s: s}
}

var conversationListing = listing[application.DirectConversationView]{
	schema: application.DirectConversationListSchema,
	fields: map[string]func(application.DirectConversationView) any{
		"first_user_id":   func(v application.DirectConversationView) any { return v.Conversation.FirstUserID },
		"second_user_id":  func(v application.DirectConversationView) any { return v.Conversation.SecondUserID },
		"chat_updated_at": func(v application.DirectConversationView) any { return v.Chat.UpdatedAt },
		"created_at":      func(v application.DirectConversationView) any { return v.Conversation.CreatedAt },
		"updated_at":      func(v application.DirectConversationView) any { return v.Conversation.UpdatedAt },
	},
	id: func(v application.DirectConversationView) domain.ID { return v.Conversation.ID },
}

// List returns up to q.Size+1 of actor's conversations matching q, in q's
// order.
func (r *DirectConversationReads) List(ctx context.Context, actor domain.Actor, q application.DirectConversationQuery) ([]application.DirectConversationView, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	r.s.mu.RLock()
	var views []application.DirectConversationView
	for _, c := range r.s.conversations {
		if c.AccountID != actor.AccountID || !c.HasParticipant(actor.UserID) {
			continue
		}
		v := r.s.view(c, actor.UserID)
		if q.UnreadOnly && v.UnreadCount == 0 {
			continue
		}
		if q.SearchPeer != "" && !strings.Contains(application.FoldText(peerName(v, actor.UserID)), q.SearchPeer) {
			continue
		}
		views = append(views, v)
	}
	r.s.mu.RUnlock()
	return conversationListing.page(views, q.ListQuery)
}

// Get returns conversation id when actor takes part in it, else
// domain.ErrNotFound.
func (r *DirectConversationReads) Get(ctx context.Context, actor domain.Actor, id domain.ID) (application.DirectConversationView, error) {
	if err := ctx.Err(); err != nil {
		return application.DirectConversationView{}, err
	}
	r.s.mu.RLock()
	defer r.s.mu.RUnlock()
	c, ok := r.s.conversations[id]
	if !ok || c.AccountID != actor.AccountID || !c.HasParticipant(actor.UserID) {
		return application.DirectConversationView{}, domain.ErrNotFound
	}
	return r.s.view(c, actor.UserID), nil
}

// GetWithPeer returns the conversation between actor and peerID, or
// domain.ErrNotFound when they have none.
func (r *DirectConversationReads) GetWithPeer(ctx context.Context, actor domain.Actor, peerID domain.ID) (application.DirectConversationView, error) {
	if err := ctx.Err(); err != nil {
		return application.DirectConversationView{}, err
	}
	r.s.mu.RLock()
	defer r.s.mu.RUnlock()
	id, ok := r.s.pairs[newPairKey(actor.AccountID, actor.UserID, peerID)]
	if !ok {
		return application.DirectConversationView{}, domain.ErrNotFound
	}
	return r.s.view(r.s.conversations[id], actor.UserID), nil
}

// view assembles the conversation with its chat, users and reader's unread
// count. The caller holds the read lock.
func (s *Store) view(c domain.DirectConversation, reader domain.ID) application.DirectConversationView {
	chatID := s.chatOf[c.ID]
	return application.DirectConversationView{
		Conversation: c,
		Chat:         copyChat(s.chats[chatID]),
		FirstUser:    withoutHash(s.users[c.FirstUserID]),
		SecondUser:   withoutHash(s.users[c.SecondUserID]),
		UnreadCount:  s.unread[memberKey{chat: chatID, user: reader}],
	}
}

// withoutHash is u as read models show it: without its password hash,
// which the SQL stores never read for a view.
func withoutHash(u domain.User) domain.User {
	u.PasswordHash = ""
	return u
}

func peerName(v application.DirectConversationView, userID domain.ID) string {
	if v.Conversation.FirstUserID == userID {
		return v.SecondUser.Name
	}
	return v.FirstUser.Name
}
