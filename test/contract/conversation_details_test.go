package contract_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/parley-chat/parley/application"
	"github.com/parley-chat/parley/domain"
)

// TestLoadConversationDetails fills a page of the inbox with each chat's
// latest message and author and the reader's bookmark, and only what was
// asked for.
func TestLoadConversationDetails(t *testing.T) {
	eachLane(t, func(t *testing.T, p ports) {
		ctx := context.Background()
		ada := newAccount(t, p, "Ada", "ada@x.test")
		bob := addUser(t, p, ada, "Bob", "bob@x.test", base)
		cleo := addUser(t, p, ada, "Cleo", "cleo@x.test", base)
		dan := addUser(t, p, ada, "Dan", "dan@x.test", base)
		withBob := start(t, p, ada, bob, base)
		withCleo := start(t, p, cleo, ada, base)
		start(t, p, ada, dan, base)
		post(t, p, withBob.Chat.ID, ada, "first", base.Add(time.Minute))
		fromBob := post(t, p, withBob.Chat.ID, bob, "latest", base.Add(2*time.Minute))
		fromCleo := post(t, p, withCleo.Chat.ID, cleo, "hello", base.Add(3*time.Minute))
		read := markRead(t, p, ada, withCleo.Chat.ID, nil, base.Add(time.Hour))

		list := func() []application.DirectConversationView {
			page, err := application.NewListDirectConversations(p.convReads).Execute(ctx, application.ListDirectConversationsInput{Actor: actorOf(ada)})
			require.NoError(t, err)
			require.Len(t, page.Items, 3)
			return page.Items
		}
		load := application.NewLoadConversationDetails(p.details)

		views := list()
		require.NoError(t, load.Execute(ctx, actorOf(ada), views, application.ConversationDetails{}))
		for _, v := range views {
			require.Nil(t, v.LatestMessage, "nothing asked, nothing loaded")
			require.Nil(t, v.Bookmark)
		}

		views = list()
		require.NoError(t, load.Execute(ctx, actorOf(ada), views, application.ConversationDetails{LatestMessage: true, Bookmark: true}))
		byConv := map[domain.ID]application.DirectConversationView{}
		for _, v := range views {
			byConv[v.Conversation.ID] = v
		}
		cleoView := byConv[withCleo.Conversation.ID]
		require.Equal(t, &application.MessageView{Message: fromCleo, Author: withoutHash(cleo)}, cleoView.LatestMessage)
		require.Equal(t, &read.Bookmark, cleoView.Bookmark)
		require.Equal(t, 0, cleoView.UnreadCount)

		bobView := byConv[withBob.Conversation.ID]
		require.Equal(t, &application.MessageView{Message: fromBob, Author: withoutHash(bob)}, bobView.LatestMessage)
		require.Equal(t, &domain.ChatBookmark{ChatID: withBob.Chat.ID, UserID: ada.ID, UpdatedAt: base.Add(time.Minute)}, bobView.Bookmark,
			"ada's own post placed her bookmark")
		require.Equal(t, 1, bobView.UnreadCount)

		for id, v := range byConv {
			if id != withBob.Conversation.ID && id != withCleo.Conversation.ID {
				require.Nil(t, v.LatestMessage, "a chat without messages has no latest message")
				require.Nil(t, v.Bookmark, "nor a bookmark")
			}
		}
	})
}
