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

// TestUnreadCountsEqualRecount runs a random mix of posts (with times out of
// order, as slow requests deliver them) and bookmark moves (forwards,
// backwards, into the future) by four users over all their conversations,
// and requires every maintained count, and the totals, to equal a recount.
func TestUnreadCountsEqualRecount(t *testing.T) {
	eachLane(t, func(t *testing.T, p ports) {
		ctx := context.Background()
		rng := rand.New(rand.NewPCG(14, 2026))
		ada := newAccount(t, p, "Ada", "ada@x.test")
		users := []domain.User{ada}
		for i := range 3 {
			users = append(users, addUser(t, p, ada, fmt.Sprintf("User %d", i), fmt.Sprintf("u%d@x.test", i), base))
		}
		var aggs []domain.DirectConversationAggregate
		for i := range users {
			for j := i + 1; j < len(users); j++ {
				aggs = append(aggs, start(t, p, users[i], users[j], base))
			}
		}
		participant := func(agg domain.DirectConversationAggregate, k int) domain.User {
			for _, u := range users {
				if u.ID == agg.Memberships[k].UserID {
					return u
				}
			}
			t.Fatal("no such participant")
			return domain.User{}
		}
		now := base.Add(time.Hour)
		for step := range 300 {
			agg := aggs[rng.IntN(len(aggs))]
			u := participant(agg, rng.IntN(2))
			at := now.Add(time.Duration(rng.IntN(600)-300) * time.Second)
			if rng.IntN(3) == 0 {
				markRead(t, p, u, agg.Chat.ID, timePtr(at), now)
			} else {
				post(t, p, agg.Chat.ID, u, fmt.Sprintf("step %d", step), at)
			}
			now = now.Add(time.Duration(rng.IntN(5000)) * time.Millisecond)
		}
		totals := map[domain.ID]application.UnreadCounts{}
		for _, agg := range aggs {
			for k := range 2 {
				u := participant(agg, k)
				got, want := unreadOf(t, p, u, agg), recount(t, p, u, agg.Chat.ID)
				require.Equal(t, want, got, "unread count of %s in %s", u.Name, agg.Chat.ID)
				tot := totals[u.ID]
				tot.UserID = u.ID
				if want > 0 {
					tot.DirectConversations++
					tot.Messages += want
				}
				totals[u.ID] = tot
			}
		}
		for _, u := range users {
			got, err := application.NewGetUnreadCounts(p.unread).Execute(ctx, actorOf(u))
			require.NoError(t, err)
			require.Equal(t, totals[u.ID], got, u.Name)
		}
	})
}

// TestConcurrentPostsCountExactly posts 100 messages by one member at once:
// the other's count rises by exactly 100. Then the other member moves their
// bookmark while more posts arrive; no increment may be lost or doubled.
func TestConcurrentPostsCountExactly(t *testing.T) {
	eachLane(t, func(t *testing.T, p ports) {
		ada := newAccount(t, p, "Ada", "ada@x.test")
		bob := addUser(t, p, ada, "Bob", "bob@x.test", base)
		agg := start(t, p, ada, bob, base)
		post(t, p, agg.Chat.ID, ada, "before", base.Add(time.Second))
		before := unreadOf(t, p, bob, agg)

		const posts = 100
		run := func(first time.Time, extra func()) {
			errs := make([]error, posts)
			ready := make(chan struct{})
			var wg sync.WaitGroup
			for i := range posts {
				msg, err := domain.NewMessage(agg.Chat.ID, ada.ID, fmt.Sprintf("message %d", i), first.Add(time.Duration(i)*time.Millisecond))
				require.NoError(t, err)
				wg.Go(func() {
					<-ready
					errs[i] = p.messages.Post(context.Background(), msg)
				})
			}
			if extra != nil {
				wg.Go(func() { <-ready; extra() })
			}
			close(ready)
			wg.Wait()
			for i, err := range errs {
				require.NoError(t, err, "post %d", i)
			}
		}
		run(base.Add(time.Minute), nil)
		require.Equal(t, before+posts, unreadOf(t, p, bob, agg))
		require.Equal(t, 0, unreadOf(t, p, ada, agg))

		// Bob reads up to the middle of the next burst while it arrives.
		second := base.Add(time.Hour)
		mark := application.NewMarkChatRead(p.bookmarks, &clock{now: second.Add(time.Hour)})
		var markErrs []error
		var mu sync.Mutex
		run(second, func() {
			for i := range 46 {
				at := second.Add(time.Duration(i*2) * time.Millisecond)
				_, err := mark.Execute(context.Background(), application.MarkChatReadInput{Actor: actorOf(bob), ChatID: agg.Chat.ID.String(), At: &at})
				mu.Lock()
				markErrs = append(markErrs, err)
				mu.Unlock()
			}
		})
		for _, err := range markErrs {
			require.NoError(t, err)
		}
		require.Equal(t, recount(t, p, bob, agg.Chat.ID), unreadOf(t, p, bob, agg))
		require.Equal(t, posts-91, unreadOf(t, p, bob, agg), "the messages after the last bookmark, 90 ms into the burst")
	})
}
