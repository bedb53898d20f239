package contract_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/parley-chat/parley/application"
	"github.com/parley-chat/parley/domain"
)

func post(t *testing.T, p ports, chat domain.ID, author domain.User, content string, at time.Time) domain.Message {
	t.Helper()
	msg, err := domain.NewMessage(chat, author.ID, content, at)
	require.NoError(t, err)
	require.NoError(t, p.messages.Post(context.Background(), msg))
	return msg
}

func TestMessageRepository(t *testing.T) {
	eachLane(t, func(t *testing.T, p ports) {
		ctx := context.Background()
		ada := newAccount(t, p, "Ada", "ada@x.test")
		bob := addUser(t, p, ada, "Bob", "bob@x.test", base)
		agg := start(t, p, ada, bob, base)
		chatID := agg.Chat.ID

		t.Run("chat_before_any_message", func(t *testing.T) {
			view, err := p.chatReads.Get(ctx, actorOf(bob), chatID)
			require.NoError(t, err)
			require.Equal(t, agg.Chat, view.Chat)
			require.Nil(t, view.LatestMessage)
			require.Len(t, view.Memberships, 2)
		})

		first := post(t, p, chatID, ada, "hello", base.Add(time.Minute))
		second := post(t, p, chatID, bob, "hi Ada", base.Add(2*time.Minute))

		t.Run("post_moves_the_chat_forward", func(t *testing.T) {
			view, err := p.chatReads.Get(ctx, actorOf(ada), chatID)
			require.NoError(t, err)
			require.Equal(t, second.CreatedAt, view.Chat.UpdatedAt)
			require.Equal(t, &second, view.LatestMessage)
			require.Equal(t, second.ID, *view.Chat.LatestMessageID)
			conv, err := p.convReads.Get(ctx, actorOf(bob), agg.Conversation.ID)
			require.NoError(t, err)
			require.Equal(t, view.Chat, conv.Chat)
		})
		t.Run("an_older_message_never_moves_it_back", func(t *testing.T) {
			post(t, p, chatID, ada, "late delivery", base.Add(90*time.Second))
			view, err := p.chatReads.Get(ctx, actorOf(ada), chatID)
			require.NoError(t, err)
			require.Equal(t, second.CreatedAt, view.Chat.UpdatedAt)
			require.Equal(t, second.ID, view.LatestMessage.ID)
		})
		t.Run("list_is_newest_first_with_authors", func(t *testing.T) {
			items, err := p.messageReads.List(ctx, chatID, application.ListQuery{Size: 10, Sort: application.MessageListSchema.DefaultSort})
			require.NoError(t, err)
			require.Len(t, items, 3)
			require.Equal(t, second, items[0].Message)
			require.Equal(t, withoutHash(bob), items[0].Author, "authors carry no password hash")
			require.Equal(t, first, items[2].Message)
			require.Equal(t, withoutHash(ada), items[2].Author)
		})
		t.Run("missing_chat_is_not_found_and_writes_nothing", func(t *testing.T) {
			before := p.counts(t)
			msg, err := domain.NewMessage(domain.NewID(), ada.ID, "into the void", base)
			require.NoError(t, err)
			require.ErrorIs(t, p.messages.Post(ctx, msg), domain.ErrNotFound)
			require.Equal(t, before, p.counts(t))
		})
		t.Run("chat_is_hidden_from_non_members", func(t *testing.T) {
			eve := addUser(t, p, ada, "Eve", "eve@x.test", base)
			_, err := p.chatReads.Get(ctx, actorOf(eve), chatID)
			require.ErrorIs(t, err, domain.ErrNotFound)
			_, err = p.chatReads.Get(ctx, actorOf(ada), domain.NewID())
			require.ErrorIs(t, err, domain.ErrNotFound)
		})
	})
}

func TestListMessagesPaging(t *testing.T) {
	eachLane(t, func(t *testing.T, p ports) {
		ada := newAccount(t, p, "Ada", "ada@x.test")
		bob := addUser(t, p, ada, "Bob", "bob@x.test", base)
		agg := start(t, p, ada, bob, base)
		var want []domain.ID
		for i := range 13 {
			// Pairs of messages share a timestamp, so the id decides.
			post(t, p, agg.Chat.ID, ada, fmt.Sprintf("m%d", i), base.Add(time.Duration(i/2)*time.Second))
		}
		all, err := p.messageReads.List(context.Background(), agg.Chat.ID, application.ListQuery{Size: 100, Sort: application.MessageListSchema.DefaultSort})
		require.NoError(t, err)
		for i, v := range all {
			want = append(want, v.Message.ID)
			if i > 0 {
				prev := all[i-1].Message
				require.True(t, prev.CreatedAt.After(v.Message.CreatedAt) ||
					(prev.CreatedAt.Equal(v.Message.CreatedAt) && prev.ID.String() > v.Message.ID.String()))
			}
		}
		uc := application.NewListMessages(p.members, p.messageReads)
		size := "4"
		in := application.ListMessagesInput{Actor: actorOf(bob), ChatID: agg.Chat.ID.String(), Query: application.RawListQuery{PageSize: &size}}
		var got []domain.ID
		for range 10 {
			page, err := uc.Execute(context.Background(), in)
			require.NoError(t, err)
			for _, v := range page.Items {
				got = append(got, v.Message.ID)
			}
			if page.Next == nil {
				break
			}
			in.Query.After = page.Next
		}
		require.Equal(t, want, got)
	})
}

func TestConcurrentPosts(t *testing.T) {
	eachLane(t, func(t *testing.T, p ports) {
		ada := newAccount(t, p, "Ada", "ada@x.test")
		bob := addUser(t, p, ada, "Bob", "bob@x.test", base)
		agg := start(t, p, ada, bob, base)
		const posts = 40
		times := make([]time.Time, posts)
		for i := range times {
			times[i] = base.Add(time.Duration(i+1) * time.Millisecond)
		}
		rand.Shuffle(posts, func(i, j int) { times[i], times[j] = times[j], times[i] })
		msgs := make([]domain.Message, posts)
		errs := make([]error, posts)
		var wg sync.WaitGroup
		for i := range posts {
			author := ada
			if i%2 == 1 {
				author = bob
			}
			msg, err := domain.NewMessage(agg.Chat.ID, author.ID, fmt.Sprintf("message %d", i), times[i])
			require.NoError(t, err)
			msgs[i] = msg
			wg.Go(func() { errs[i] = p.messages.Post(context.Background(), msg) })
		}
		wg.Wait()
		newest := msgs[0]
		for i, err := range errs {
			require.NoError(t, err, "post %d", i)
			if msgs[i].CreatedAt.After(newest.CreatedAt) {
				newest = msgs[i]
			}
		}
		items, err := p.messageReads.List(context.Background(), agg.Chat.ID, application.ListQuery{Size: 100, Sort: application.MessageListSchema.DefaultSort})
		require.NoError(t, err)
		require.Len(t, items, posts)
		view, err := p.chatReads.Get(context.Background(), actorOf(ada), agg.Chat.ID)
		require.NoError(t, err)
		require.Equal(t, newest.ID, view.LatestMessage.ID, "the newest message is the latest, whatever order they committed in")
		require.Equal(t, newest.CreatedAt, view.Chat.UpdatedAt)
		for _, u := range []domain.User{ada, bob} {
			list, err := p.convReads.List(context.Background(), actorOf(u), application.DirectConversationQuery{ListQuery: application.ListQuery{
				Size: 10, Sort: application.DirectConversationListSchema.DefaultSort,
			}})
			require.NoError(t, err)
			require.Len(t, list, 1)
			require.Equal(t, newest.CreatedAt, list[0].Chat.UpdatedAt)
		}
	})
}
