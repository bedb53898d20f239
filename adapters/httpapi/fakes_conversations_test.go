package httpapi

import (
	"context"

	"github.com/parley-chat/parley/application"
	"github.com/parley-chat/parley/domain"
)

func (c fakeConvs) Create(_ context.Context, agg domain.DirectConversationAggregate) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.convs = append(c.convs, agg)
	return nil
}

func (c fakeConvs) view(agg domain.DirectConversationAggregate) application.DirectConversationView {
	first, _ := c.user(agg.Conversation.AccountID, agg.Conversation.FirstUserID)
	second, _ := c.user(agg.Conversation.AccountID, agg.Conversation.SecondUserID)
	return application.DirectConversationView{Conversation: agg.Conversation, Chat: agg.Chat, FirstUser: first, SecondUser: second}
}

func (c fakeConvs) find(match func(domain.DirectConversation) bool) (application.DirectConversationView, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, agg := range c.convs {
		if match(agg.Conversation) {
			return c.view(agg), nil
		}
	}
	return application.DirectConversationView{}, domain.ErrNotFound
}

func (c fakeConvs) Get(_ context.Context, actor domain.Actor, id domain.ID) (application.DirectConversationView, error) {
	return c.find(func(d domain.DirectConversation) bool { return d.ID == id && d.HasParticipant(actor.UserID) })
}

func (c fakeConvs) GetWithPeer(_ context.Context, actor domain.Actor, peer domain.ID) (application.DirectConversationView, error) {
	return c.find(func(d domain.DirectConversation) bool {
		return d.HasParticipant(actor.UserID) && d.HasParticipant(peer)
	})
}

func (c fakeConvs) List(_ context.Context, actor domain.Actor, q application.DirectConversationQuery) ([]application.DirectConversationView, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []application.DirectConversationView
	for _, agg := range c.convs {
		if agg.Conversation.HasParticipant(actor.UserID) {
			out = append(out, c.view(agg))
		}
	}
	return out[:min(len(out), q.Size+1)], nil
}

func (c fakeChats) Get(_ context.Context, actor domain.Actor, chatID domain.ID) (application.ChatView, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, agg := range c.convs {
		if agg.Chat.ID == chatID && agg.Conversation.HasParticipant(actor.UserID) {
			v := application.ChatView{Chat: agg.Chat, Memberships: agg.Memberships[:]}
			for i := range c.messages {
				if c.messages[i].ChatID == chatID {
					v.LatestMessage = &c.messages[i]
					v.Chat.LatestMessageID = &c.messages[i].ID
				}
			}
			return v, nil
		}
	}
	return application.ChatView{}, domain.ErrNotFound
}

func (c fakeChats) Find(_ context.Context, accountID, chatID, userID domain.ID) (domain.ChatMembership, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, agg := range c.convs {
		for _, m := range agg.Memberships {
			if agg.Chat.AccountID == accountID && m.ChatID == chatID && m.UserID == userID {
				return m, nil
			}
		}
	}
	return domain.ChatMembership{}, domain.ErrNotFound
}

// HasDeactivatedPeer answers false: the fakes have no deactivated users.
func (c fakeChats) HasDeactivatedPeer(context.Context, domain.ID, domain.ID) (bool, error) {
	return false, nil
}

func (m fakeMessages) Post(_ context.Context, msg domain.Message) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.messages = append(m.messages, msg)
	return nil
}

func (m fakeMessages) List(_ context.Context, chatID domain.ID, q application.ListQuery) ([]application.MessageView, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []application.MessageView
	for i := len(m.messages) - 1; i >= 0; i-- {
		msg := m.messages[i]
		if msg.ChatID != chatID {
			continue
		}
		author, _ := m.user(m.accountOf(msg.AuthorID), msg.AuthorID)
		out = append(out, application.MessageView{Message: msg, Author: author})
	}
	return out[:min(len(out), q.Size+1)], nil
}

func (w *world) accountOf(userID domain.ID) domain.ID {
	for _, u := range w.users {
		if u.ID == userID {
			return u.AccountID
		}
	}
	return domain.NilID
}
