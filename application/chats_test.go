package application_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/parley-chat/parley/application"
	"github.com/parley-chat/parley/domain"
)

func TestPostMessage(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	h := newHarness(t)
	ada := h.account(t, "Ada")
	grace := h.member(t, ada, "Grace")
	linus := h.member(t, ada, "Linus")
	stranger := h.account(t, "Stranger")
	older := h.startWith(t, ada, grace.ID)
	h.clock.Advance(time.Minute)
	newer := h.startWith(t, ada, linus.ID)

	listed := func(t *testing.T) []domain.ID {
		t.Helper()
		page, err := h.listConv.Execute(ctx, application.ListDirectConversationsInput{Actor: ada})
		require.NoError(t, err)
		ids := make([]domain.ID, len(page.Items))
		for i, v := range page.Items {
			ids[i] = v.Conversation.ID
		}
		return ids
	}
	require.Equal(t, []domain.ID{newer.Conversation.ID, older.Conversation.ID}, listed(t))

	h.clock.Advance(time.Minute)
	msg, err := h.post.Execute(ctx, application.PostMessageInput{Actor: actorOf(grace), ChatID: older.Chat.ID.String(), Content: "  hello Ada  "})
	require.NoError(t, err)
	require.Equal(t, "hello Ada", msg.Message.Content)
	require.Equal(t, grace.ID, msg.Message.AuthorID)
	require.Equal(t, older.Chat.ID, msg.Message.ChatID)

	t.Run("moves_chat_activity", func(t *testing.T) {
		require.Equal(t, []domain.ID{older.Conversation.ID, newer.Conversation.ID}, listed(t), "the chat with the new message sorts first")
		conv, err := h.getConv.Execute(ctx, ada, older.Conversation.ID.String())
		require.NoError(t, err)
		require.Equal(t, msg.Message.CreatedAt, conv.Chat.UpdatedAt)
		require.Equal(t, older.Conversation.UpdatedAt, conv.Conversation.UpdatedAt, "the conversation itself is unchanged")
		chat, err := h.getChat.Execute(ctx, ada, older.Chat.ID.String())
		require.NoError(t, err)
		require.NotNil(t, chat.LatestMessage)
		require.Equal(t, msg.Message, *chat.LatestMessage)
		require.Equal(t, msg.Message.ID, *chat.Chat.LatestMessageID)
	})

	t.Run("not_a_member", func(t *testing.T) {
		for _, actor := range []domain.Actor{actorOf(linus), stranger} {
			_, err := h.post.Execute(ctx, application.PostMessageInput{Actor: actor, ChatID: older.Chat.ID.String(), Content: "hi"})
			require.ErrorIs(t, err, domain.ErrNotFound)
			_, err = h.listMessages.Execute(ctx, application.ListMessagesInput{Actor: actor, ChatID: older.Chat.ID.String()})
			require.ErrorIs(t, err, domain.ErrNotFound)
			_, err = h.getChat.Execute(ctx, actor, older.Chat.ID.String())
			require.ErrorIs(t, err, domain.ErrNotFound)
		}
		for _, chatID := range []string{"general", domain.NewID().String(), older.Conversation.ID.String()} {
			_, err := h.post.Execute(ctx, application.PostMessageInput{Actor: ada, ChatID: chatID, Content: "hi"})
			require.ErrorIs(t, err, domain.ErrNotFound, chatID)
		}
	})

	t.Run("content_rules", func(t *testing.T) {
		tests := []struct {
			name    string
			content string
			rule    domain.Rule
		}{
			{"empty", "", domain.RuleRequired},
			{"white_space", " \n ", domain.RuleRequired},
			{"too_long", strings.Repeat("ü", 10001), domain.RuleTooLong},
		}
		before := h.store.Counts().Messages
		for _, tt := range tests {
			_, err := h.post.Execute(ctx, application.PostMessageInput{Actor: ada, ChatID: newer.Chat.ID.String(), Content: tt.content})
			require.Equal(t, []domain.Problem{{Field: "content", Rule: tt.rule}}, problemsOf(t, err), tt.name)
		}
		require.Equal(t, before, h.store.Counts().Messages)
		_, err := h.post.Execute(ctx, application.PostMessageInput{Actor: ada, ChatID: newer.Chat.ID.String(), Content: strings.Repeat("ü", 10000)})
		require.NoError(t, err)
	})
}

func TestPostMessageWithoutRight(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	h := newHarness(t)
	ada := h.account(t, "Ada")
	grace := h.member(t, ada, "Grace")
	agg, err := domain.StartDirectConversation(ada, grace, h.clock.Now())
	require.NoError(t, err)
	agg.Memberships[1].Rights = []domain.ChatRight{domain.RightMessagesRead}
	require.NoError(t, h.conversation.Create(ctx, agg))

	_, err = h.post.Execute(ctx, application.PostMessageInput{Actor: actorOf(grace), ChatID: agg.Chat.ID.String(), Content: "hi"})
	require.ErrorIs(t, err, domain.ErrForbidden)
	_, err = h.listMessages.Execute(ctx, application.ListMessagesInput{Actor: actorOf(grace), ChatID: agg.Chat.ID.String()})
	require.NoError(t, err, "reading needs only messages.read")
}

func TestListMessages(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	h := newHarness(t)
	ada := h.account(t, "Ada")
	grace := h.member(t, ada, "Grace")
	chatID := h.startWith(t, ada, grace.ID).Chat.ID.String()

	var posted []string
	for i := range 9 {
		// Pairs of messages share a timestamp, so the id decides their order.
		if i%2 == 0 {
			h.clock.Advance(time.Second)
		}
		author := ada
		if i%3 == 0 {
			author = actorOf(grace)
		}
		content := "message " + string(rune('a'+i))
		_, err := h.post.Execute(ctx, application.PostMessageInput{Actor: author, ChatID: chatID, Content: content})
		require.NoError(t, err)
		posted = append(posted, content)
	}

	want := make([]string, len(posted))
	for i, c := range posted {
		want[len(posted)-1-i] = c
	}
	require.Equal(t, want, walkMessages(t, h, actorOf(grace), chatID, nil), "newest first, each message once")
	require.Equal(t, posted, walkMessages(t, h, actorOf(grace), chatID, ptr("created_at")), "oldest first, each message once")

	chat, err := h.getChat.Execute(ctx, ada, chatID)
	require.NoError(t, err)
	require.Equal(t, posted[len(posted)-1], chat.LatestMessage.Content)

	_, err = h.listMessages.Execute(ctx, application.ListMessagesInput{Actor: ada, ChatID: chatID, Query: application.RawListQuery{Sort: ptr("content")}})
	var pe *application.ParameterError
	require.ErrorAs(t, err, &pe)
	require.Equal(t, application.ParameterSort, pe.Kind)
}

// walkMessages follows, as reader, the cursors of chatID's messages in pages of four, in
// the order sort names (nil for the default), and returns their contents.
func walkMessages(t *testing.T, h *harness, reader domain.Actor, chatID string, sort *string) []string {
	t.Helper()
	var got []string
	var after *application.Cursor
	for {
		page, err := h.listMessages.Execute(context.Background(), application.ListMessagesInput{
			Actor: reader, ChatID: chatID,
			Query: application.RawListQuery{Sort: sort, PageSize: ptr("4"), After: after},
		})
		require.NoError(t, err)
		for _, v := range page.Items {
			require.Equal(t, v.Message.AuthorID, v.Author.ID, "each message comes with its author")
			got = append(got, v.Message.Content)
		}
		if page.Next == nil {
			return got
		}
		after = page.Next
	}
}
