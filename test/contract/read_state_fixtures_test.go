package contract_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/parley-chat/parley/application"
	"github.com/parley-chat/parley/domain"
)

// unreadOf is the unread count of chat that the store maintains for u, as
// the conversation view and the chat view both show it; they must agree.
func unreadOf(t *testing.T, p ports, u domain.User, agg domain.DirectConversationAggregate) int {
	t.Helper()
	conv, err := p.convReads.Get(context.Background(), actorOf(u), agg.Conversation.ID)
	require.NoError(t, err)
	chat, err := p.chatReads.Get(context.Background(), actorOf(u), agg.Chat.ID)
	require.NoError(t, err)
	require.Equal(t, conv.UnreadCount, chat.UnreadCount, "conversation and chat views agree")
	return conv.UnreadCount
}

// recount counts the messages of chat unread for u from the stored messages
// and u's stored bookmark, the way the contract defines unread.
func recount(t *testing.T, p ports, u domain.User, chatID domain.ID) int {
	t.Helper()
	ctx := context.Background()
	var bookmark *domain.ChatBookmark
	b, err := p.bookmarks.Find(ctx, u.AccountID, chatID, u.ID)
	switch {
	case err == nil:
		bookmark = &b
	case !errors.Is(err, domain.ErrNotFound):
		require.NoError(t, err)
	}
	items, err := p.messageReads.List(ctx, chatID, application.ListQuery{Size: 100000, Sort: application.MessageListSchema.DefaultSort})
	require.NoError(t, err)
	n := 0
	for _, it := range items {
		if domain.Unread(it.Message, u.ID, bookmark) {
			n++
		}
	}
	return n
}

// markRead moves u's bookmark of chat to at through the use case, with the
// clock at now.
func markRead(t *testing.T, p ports, u domain.User, chatID domain.ID, at *time.Time, now time.Time) application.MarkChatReadOutput {
	t.Helper()
	out, err := application.NewMarkChatRead(p.bookmarks, &clock{now: now}).Execute(context.Background(), application.MarkChatReadInput{
		Actor: actorOf(u), ChatID: chatID.String(), At: at,
	})
	require.NoError(t, err)
	return out
}

func timePtr(t time.Time) *time.Time { return &t }
