package contract_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/parley-chat/parley/domain"
)

// eventsOf returns every retained event of u after seq.
func eventsOf(t *testing.T, p ports, u domain.User, after int64) []domain.Event {
	t.Helper()
	evs, err := p.events.After(context.Background(), u.ID, after, 1000)
	require.NoError(t, err)
	return evs
}

// summary is what a test compares of an event.
type summary struct {
	Seq     int64
	Name    domain.EventName
	Subject domain.ID
}

func summaries(evs []domain.Event) []summary {
	out := make([]summary, len(evs))
	for i, e := range evs {
		out[i] = summary{e.Seq, e.Name, e.SubjectID}
	}
	return out
}

func TestEventOutbox(t *testing.T) {
	eachLane(t, func(t *testing.T, p ports) {
		ctx := context.Background()
		var mu sync.Mutex
		var woken []domain.ID
		p.setEventHook(func(r []domain.ID) { mu.Lock(); woken = append(woken, r...); mu.Unlock() })
		ada := newAccount(t, p, "Ada", "ada@x.test")
		bob := addUser(t, p, ada, "Bob", "bob@x.test", base)
		eve := addUser(t, p, ada, "Eve", "eve@x.test", base)
		agg := start(t, p, ada, bob, base)
		m1 := post(t, p, agg.Chat.ID, ada, "one", base.Add(time.Minute))
		m2 := post(t, p, agg.Chat.ID, bob, "two", base.Add(2*time.Minute))
		markRead(t, p, ada, agg.Chat.ID, timePtr(m2.CreatedAt), base.Add(time.Hour))

		t.Run("every_change_reaches_both_participants_in_order", func(t *testing.T) {
			want := []summary{
				{1, domain.EventDirectConversationCreated, agg.Conversation.ID},
				{2, domain.EventMessageCreated, m1.ID},
				{3, domain.EventMessageCreated, m2.ID},
				{4, domain.EventChatBookmarkUpdated, ada.ID},
			}
			for _, u := range []domain.User{ada, bob} {
				evs := eventsOf(t, p, u, 0)
				require.Equal(t, want, summaries(evs), u.Name)
				for _, e := range evs {
					require.Equal(t, u.ID, e.Recipient)
					require.Equal(t, agg.Chat.ID, e.ChatID)
					require.WithinDuration(t, time.Now(), e.OccurredAt, time.Minute)
				}
			}
			mu.Lock()
			defer mu.Unlock()
			require.ElementsMatch(t, []domain.ID{ada.ID, bob.ID, ada.ID, bob.ID, ada.ID, bob.ID, ada.ID, bob.ID}, woken,
				"the hook hears of every committed event's recipients")
		})
		t.Run("only_participants_receive", func(t *testing.T) {
			require.Empty(t, eventsOf(t, p, eve, 0))
			oldest, next, err := p.events.Horizon(ctx, eve.ID)
			require.NoError(t, err)
			require.Equal(t, [2]int64{1, 1}, [2]int64{oldest, next})
		})
		t.Run("replay_after_a_seq_is_the_rest_once", func(t *testing.T) {
			require.Equal(t, []int64{3, 4}, seqs(eventsOf(t, p, ada, 2)))
			evs, err := p.events.After(ctx, ada.ID, 1, 2)
			require.NoError(t, err)
			require.Equal(t, []int64{2, 3}, seqs(evs), "the limit cuts the page")
			require.Empty(t, eventsOf(t, p, ada, 4))
		})
		t.Run("an_unchanged_bookmark_writes_no_event", func(t *testing.T) {
			markRead(t, p, ada, agg.Chat.ID, timePtr(m1.CreatedAt), base.Add(time.Hour))
			require.Len(t, eventsOf(t, p, bob, 0), 4)
		})
		t.Run("a_failed_change_writes_no_event", func(t *testing.T) {
			msg, err := domain.NewMessage(agg.Chat.ID, eve.ID, "not a member", base.Add(3*time.Minute))
			require.NoError(t, err)
			require.ErrorIs(t, p.messages.Post(ctx, msg), domain.ErrNotFound)
			dup, err := domain.StartDirectConversation(actorOf(bob), ada, base)
			require.NoError(t, err)
			require.ErrorIs(t, p.conversations.Create(ctx, dup), domain.ErrConflict)
			_, _, err = p.bookmarks.Move(ctx, ada.AccountID, domain.ChatBookmark{ChatID: agg.Chat.ID, UserID: eve.ID, UpdatedAt: base})
			require.ErrorIs(t, err, domain.ErrNotFound)
			for _, u := range []domain.User{ada, bob, eve} {
				_, next, err := p.events.Horizon(ctx, u.ID)
				require.NoError(t, err)
				require.Equal(t, int64(len(eventsOf(t, p, u, 0))+1), next, "no seq was taken by a rollback")
			}
			require.Len(t, eventsOf(t, p, ada, 0), 4)
			require.Empty(t, eventsOf(t, p, eve, 0))
		})
		t.Run("purge_respects_retention", func(t *testing.T) {
			n, err := p.events.Purge(ctx, time.Now().Add(-time.Hour))
			require.NoError(t, err)
			require.Zero(t, n, "nothing is older than the cutoff")
			require.Len(t, eventsOf(t, p, ada, 0), 4)

			n, err = p.events.Purge(ctx, time.Now().Add(time.Second))
			require.NoError(t, err)
			require.Equal(t, int64(8), n)
			require.Empty(t, eventsOf(t, p, ada, 0))
			oldest, next, err := p.events.Horizon(ctx, ada.ID)
			require.NoError(t, err)
			require.Equal(t, [2]int64{5, 5}, [2]int64{oldest, next}, "a client at seq 2 can tell it lost events")

			m3 := post(t, p, agg.Chat.ID, ada, "three", base.Add(4*time.Minute))
			require.Equal(t, []summary{{5, domain.EventMessageCreated, m3.ID}}, summaries(eventsOf(t, p, bob, 0)),
				"seqs continue after a purge")
		})
	})
}

func seqs(evs []domain.Event) []int64 {
	out := make([]int64, len(evs))
	for i, e := range evs {
		out[i] = e.Seq
	}
	return out
}
