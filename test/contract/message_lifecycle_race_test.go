package contract_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/parley-chat/parley/application"
	"github.com/parley-chat/parley/domain"
)

// TestConcurrentLifecycleCountsExactly runs posts, edits, withdrawals
// (several of the same message at once) and bookmark moves of one chat at
// the same time. Afterwards both members' maintained counts equal a
// recount, and every withdrawn message produced exactly one
// message.deleted event.
func TestConcurrentLifecycleCountsExactly(t *testing.T) {
	eachLane(t, func(t *testing.T, p ports) {
		ctx := context.Background()
		ada := newAccount(t, p, "Ada", "ada@x.test")
		bob := addUser(t, p, ada, "Bob", "bob@x.test", base)
		agg := start(t, p, ada, bob, base)
		people := []domain.User{ada, bob}
		var existing []domain.Message
		for i := range 40 {
			existing = append(existing, post(t, p, agg.Chat.ID, people[i%2], fmt.Sprintf("early %d", i), base.Add(time.Duration(i)*time.Second)))
		}
		_, next, err := p.events.Horizon(ctx, ada.ID)
		require.NoError(t, err)
		uc := lifecycleOf(p, base.Add(time.Hour))
		mark := application.NewMarkChatRead(p.bookmarks, &clock{now: base.Add(2 * time.Hour)})

		var wg sync.WaitGroup
		var mu sync.Mutex
		var failures []error
		fail := func(err error) {
			mu.Lock()
			failures = append(failures, err)
			mu.Unlock()
		}
		ready := make(chan struct{})
		withdrawn := map[domain.ID]bool{}
		for i, msg := range existing {
			author := people[i%2]
			switch i % 4 {
			case 0, 1:
				// Withdrawn twice at once, and edited meanwhile.
				withdrawn[msg.ID] = true
				for range 2 {
					wg.Go(func() {
						<-ready
						if err := uc.withdraw.Execute(ctx, actorOf(author), msg.ID.String()); err != nil {
							fail(err)
						}
					})
				}
				wg.Go(func() {
					<-ready
					_, err := uc.edit.Execute(ctx, application.EditMessageInput{Actor: actorOf(author), MessageID: msg.ID.String(), Content: "racing"})
					if err != nil && !errors.Is(err, domain.ErrMessageWithdrawn) {
						fail(err)
					}
				})
			case 2:
				wg.Go(func() {
					<-ready
					_, err := uc.edit.Execute(ctx, application.EditMessageInput{Actor: actorOf(author), MessageID: msg.ID.String(), Content: "edited"})
					if err != nil {
						fail(err)
					}
				})
			}
		}
		for i := range 30 {
			author := people[i%2]
			msg, err := domain.NewMessage(agg.Chat.ID, author.ID, fmt.Sprintf("late %d", i), base.Add(time.Duration(20+i)*time.Second))
			require.NoError(t, err)
			wg.Go(func() {
				<-ready
				if err := p.messages.Post(ctx, msg); err != nil {
					fail(err)
				}
			})
		}
		for i, u := range people {
			wg.Go(func() {
				<-ready
				for k := range 10 {
					at := base.Add(time.Duration(5*k+i) * time.Second)
					_, err := mark.Execute(ctx, application.MarkChatReadInput{Actor: actorOf(u), ChatID: agg.Chat.ID.String(), At: &at})
					if err != nil {
						fail(err)
					}
				}
			})
		}
		close(ready)
		wg.Wait()
		require.Empty(t, failures)

		for _, u := range people {
			require.Equal(t, recount(t, p, u, agg.Chat.ID), unreadOf(t, p, u, agg), "unread count of %s", u.Name)
			deleted := map[domain.ID]int{}
			for _, e := range eventsOf(t, p, u, next-1) {
				if e.Name == domain.EventMessageDeleted {
					deleted[e.SubjectID]++
				}
			}
			require.Len(t, deleted, len(withdrawn), u.Name)
			for id := range withdrawn {
				require.Equal(t, 1, deleted[id], "message.deleted of %s to %s", id, u.Name)
			}
		}
		items, err := p.messageReads.List(ctx, agg.Chat.ID, application.ListQuery{Size: 1000, Sort: application.MessageListSchema.DefaultSort})
		require.NoError(t, err)
		require.Len(t, items, 70, "tombstones stay in the list")
		for _, it := range items {
			require.Equal(t, withdrawn[it.Message.ID], it.Message.Withdrawn())
			if it.Message.Withdrawn() {
				require.Empty(t, it.Message.Content)
			}
		}
		totals, err := application.NewGetUnreadCounts(p.unread).Execute(ctx, actorOf(bob))
		require.NoError(t, err)
		require.Equal(t, recount(t, p, bob, agg.Chat.ID), totals.Messages)
	})
}
