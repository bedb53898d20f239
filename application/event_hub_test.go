package application_test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/parley-chat/parley/adapters/memstore"
	"github.com/parley-chat/parley/application"
	"github.com/parley-chat/parley/domain"
)

// hubWorld is a memstore with one conversation whose store wakes a hub.
type hubWorld struct {
	hub      *application.EventHub
	messages *memstore.Messages
	ada, bob domain.User
	chatID   domain.ID
	metrics  *countingMetrics
	log      *memstore.EventLog
}

func newHubWorld(t *testing.T, opts application.HubOptions) *hubWorld {
	t.Helper()
	ctx := context.Background()
	now := time.Now().UTC()
	s := memstore.New()
	acc, err := domain.NewAccount("Acme", now)
	require.NoError(t, err)
	ada := domain.NewUser(acc.ID, domain.UserDraft{Name: "Ada", Email: "ada@x.test"}, domain.RoleAdmin, "hash", now)
	require.NoError(t, memstore.NewUsers(s).CreateWithAccount(ctx, acc, ada))
	bob := domain.NewUser(acc.ID, domain.UserDraft{Name: "Bob", Email: "bob@x.test"}, domain.RoleMember, "hash", now)
	require.NoError(t, memstore.NewUsers(s).Create(ctx, bob))
	agg, err := domain.StartDirectConversation(domain.Actor{AccountID: acc.ID, UserID: ada.ID}, bob, now)
	require.NoError(t, err)
	require.NoError(t, memstore.NewDirectConversations(s).Create(ctx, agg))
	m := &countingMetrics{closed: map[string]int{}}
	opts.Metrics = m
	log := memstore.NewEventLog(s)
	hub := application.NewEventHub(log, opts)
	s.SetEventHook(hub.Wake)
	t.Cleanup(hub.Close)
	return &hubWorld{hub: hub, messages: memstore.NewMessages(s), ada: ada, bob: bob, chatID: agg.Chat.ID, metrics: m, log: log}
}

func (w *hubWorld) post(t *testing.T, n int) []domain.ID {
	t.Helper()
	ids := make([]domain.ID, n)
	for i := range n {
		msg, err := domain.NewMessage(w.chatID, w.ada.ID, fmt.Sprintf("m%d", i), time.Now())
		require.NoError(t, err)
		require.NoError(t, w.messages.Post(context.Background(), msg))
		ids[i] = msg.ID
	}
	return ids
}

// receive reads n events from s within a second.
func receive(t *testing.T, s *application.EventStream, n int) []domain.Event {
	t.Helper()
	var out []domain.Event
	timeout := time.After(time.Second)
	for len(out) < n {
		select {
		case e, ok := <-s.Events():
			require.True(t, ok, "stream ended early: %v", s.Err())
			out = append(out, e)
		case <-timeout:
			t.Fatalf("got %d of %d events", len(out), n)
		}
	}
	return out
}

// requireQuiet fails when s delivers anything within 100 ms.
func requireQuiet(t *testing.T, s *application.EventStream) {
	t.Helper()
	select {
	case e := <-s.Events():
		t.Fatalf("unexpected event %+v", e)
	case <-time.After(100 * time.Millisecond):
	}
}

func subjects(evs []domain.Event) []domain.ID {
	out := make([]domain.ID, len(evs))
	for i, e := range evs {
		out[i] = e.SubjectID
	}
	return out
}

type countingMetrics struct {
	mu                sync.Mutex
	opened, delivered int
	closed            map[string]int
}

func (m *countingMetrics) StreamOpened() { m.mu.Lock(); m.opened++; m.mu.Unlock() }
func (m *countingMetrics) StreamClosed(c string) {
	m.mu.Lock()
	m.closed[c]++
	m.mu.Unlock()
}
func (m *countingMetrics) Delivered(time.Duration) { m.mu.Lock(); m.delivered++; m.mu.Unlock() }

func (m *countingMetrics) closedBy(c string) int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.closed[c]
}
