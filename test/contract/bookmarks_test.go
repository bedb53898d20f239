package contract_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/parley-chat/parley/application"
	"github.com/parley-chat/parley/domain"
)

func TestChatBookmarks(t *testing.T) {
	eachLane(t, func(t *testing.T, p ports) {
		ctx := context.Background()
		ada := newAccount(t, p, "Ada", "ada@x.test")
		bob := addUser(t, p, ada, "Bob", "bob@x.test", base)
		agg := start(t, p, ada, bob, base)
		chatID := agg.Chat.ID
		get := application.NewGetChatBookmark(p.members, p.bookmarks)
		now := base.Add(time.Hour)

		m1 := post(t, p, chatID, ada, "one", base.Add(time.Minute))
		post(t, p, chatID, ada, "two", base.Add(2*time.Minute))
		m3 := post(t, p, chatID, ada, "three", base.Add(3*time.Minute))

		t.Run("without_a_bookmark_every_message_of_the_others_is_unread", func(t *testing.T) {
			b, err := get.Execute(ctx, actorOf(bob), chatID.String())
			require.NoError(t, err)
			require.Nil(t, b)
			view, err := p.chatReads.Get(ctx, actorOf(bob), chatID)
			require.NoError(t, err)
			require.Nil(t, view.Bookmark)
			require.Equal(t, 3, unreadOf(t, p, bob, agg))
		})
		t.Run("the_authors_own_posts_move_their_bookmark_and_never_count", func(t *testing.T) {
			b, err := get.Execute(ctx, actorOf(ada), chatID.String())
			require.NoError(t, err)
			require.Equal(t, &domain.ChatBookmark{ChatID: chatID, UserID: ada.ID, UpdatedAt: m3.CreatedAt}, b)
			require.Equal(t, 0, unreadOf(t, p, ada, agg))
		})
		t.Run("creating_recounts_what_is_after_it", func(t *testing.T) {
			out := markRead(t, p, bob, chatID, timePtr(m1.CreatedAt), now)
			require.True(t, out.Created)
			require.Equal(t, domain.ChatBookmark{ChatID: chatID, UserID: bob.ID, UpdatedAt: m1.CreatedAt}, out.Bookmark)
			require.Equal(t, 2, unreadOf(t, p, bob, agg))
			view, err := p.chatReads.Get(ctx, actorOf(bob), chatID)
			require.NoError(t, err)
			require.Equal(t, &out.Bookmark, view.Bookmark, "the chat view carries the caller's bookmark")
		})
		t.Run("an_earlier_time_leaves_it_unchanged", func(t *testing.T) {
			out := markRead(t, p, bob, chatID, timePtr(base), now)
			require.False(t, out.Created)
			require.Equal(t, m1.CreatedAt, out.Bookmark.UpdatedAt)
			b, err := get.Execute(ctx, actorOf(bob), chatID.String())
			require.NoError(t, err)
			require.Equal(t, m1.CreatedAt, b.UpdatedAt)
			require.Equal(t, 2, unreadOf(t, p, bob, agg))
		})
		t.Run("no_time_means_now_and_the_future_counts_as_now", func(t *testing.T) {
			out := markRead(t, p, bob, chatID, timePtr(now.Add(24*time.Hour)), now)
			require.False(t, out.Created)
			require.Equal(t, domain.Timestamp(now), out.Bookmark.UpdatedAt)
			require.Equal(t, 0, unreadOf(t, p, bob, agg))
			later := now.Add(time.Minute)
			out = markRead(t, p, bob, chatID, nil, later)
			require.Equal(t, domain.Timestamp(later), out.Bookmark.UpdatedAt)
		})
		t.Run("a_post_after_the_bookmark_counts_one", func(t *testing.T) {
			post(t, p, chatID, ada, "four", now.Add(2*time.Minute))
			require.Equal(t, 1, unreadOf(t, p, bob, agg))
			// A message of the other dated after the author's own newer
			// post stays unread for the author.
			post(t, p, chatID, bob, "five", now.Add(90*time.Second))
			require.Equal(t, 1, unreadOf(t, p, bob, agg))
			require.Equal(t, recount(t, p, bob, chatID), unreadOf(t, p, bob, agg))
		})
		t.Run("non_members_and_other_accounts_get_not_found", func(t *testing.T) {
			eve := addUser(t, p, ada, "Eve", "eve@x.test", base)
			mallory := newAccount(t, p, "Mallory", "mallory@y.test")
			for _, u := range []domain.User{eve, mallory} {
				_, err := application.NewMarkChatRead(p.bookmarks, &clock{now: now}).Execute(ctx, application.MarkChatReadInput{Actor: actorOf(u), ChatID: chatID.String()})
				require.ErrorIs(t, err, domain.ErrNotFound)
				_, err = get.Execute(ctx, actorOf(u), chatID.String())
				require.ErrorIs(t, err, domain.ErrNotFound)
			}
			_, _, err := p.bookmarks.Move(ctx, mallory.AccountID, domain.ChatBookmark{ChatID: chatID, UserID: bob.ID, UpdatedAt: now})
			require.ErrorIs(t, err, domain.ErrNotFound, "the chat is outside the account")
			_, err = get.Execute(ctx, actorOf(bob), "not-a-uuid")
			require.ErrorIs(t, err, domain.ErrNotFound)
			_, err = application.NewMarkChatRead(p.bookmarks, &clock{now: now}).Execute(ctx, application.MarkChatReadInput{Actor: actorOf(bob), ChatID: domain.NewID().String()})
			require.ErrorIs(t, err, domain.ErrNotFound)
		})
	})
}
