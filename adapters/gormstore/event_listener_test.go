package gormstore_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/parley-chat/parley/adapters/gormstore"
	"github.com/parley-chat/parley/application"
	"github.com/parley-chat/parley/domain"
	"github.com/parley-chat/parley/test/testenv"
)

// replicas is two stores on one PostgreSQL database, as two replicas are,
// with a conversation between ada and bob; a's commits are published by a
// relay through pg_notify.
type replicas struct {
	url      string
	a, b     *gormstore.Store
	relay    *application.WakeRelay
	ada, bob domain.User
	chat     domain.ID
}

func newReplicas(t *testing.T, ctx context.Context) *replicas {
	t.Helper()
	url := freshURL(t, gormstore.DialectPostgres)
	a := mustOpen(t, gormstore.Options{URL: url})
	require.NoError(t, gormstore.Migrate(context.Background(), a))
	b := mustOpen(t, gormstore.Options{URL: url})
	now := time.Now().UTC()
	acc, err := domain.NewAccount("Acme", now)
	require.NoError(t, err)
	ada := domain.NewUser(acc.ID, domain.UserDraft{Name: "Ada", Email: "ada@x.test"}, domain.RoleAdmin, "hash", now)
	require.NoError(t, gormstore.NewUsers(a).CreateWithAccount(ctx, acc, ada))
	bob := domain.NewUser(acc.ID, domain.UserDraft{Name: "Bob", Email: "bob@x.test"}, domain.RoleMember, "hash", now)
	require.NoError(t, gormstore.NewUsers(a).Create(ctx, bob))
	agg, err := domain.StartDirectConversation(domain.Actor{AccountID: acc.ID, UserID: ada.ID}, bob, now)
	require.NoError(t, err)
	require.NoError(t, gormstore.NewDirectConversations(a).Create(ctx, agg))

	relay := application.NewWakeRelay(gormstore.NotifyEvents(a))
	a.SetEventHook(relay.Notify)
	go relay.Run(ctx)
	return &replicas{url: url, a: a, b: b, relay: relay, ada: ada, bob: bob, chat: agg.Chat.ID}
}

// post commits a message from ada through replica a.
func (r *replicas) post(t *testing.T, ctx context.Context, body string) domain.ID {
	t.Helper()
	msg, err := domain.NewMessage(r.chat, r.ada.ID, body, time.Now().UTC())
	require.NoError(t, err)
	require.NoError(t, gormstore.NewMessages(r.a).Post(ctx, msg))
	return msg.ID
}

// wakeCollector records what a watcher wakes.
type wakeCollector chan []domain.ID

func (c wakeCollector) wake(recipients []domain.ID) { c <- recipients }

// await waits for a wake-up naming user (nil, "every stream", does not
// count) and fails after timeout.
func (c wakeCollector) await(t *testing.T, user domain.ID, timeout time.Duration) {
	t.Helper()
	deadline := time.After(timeout)
	for {
		select {
		case got := <-c:
			if slices.Contains(got, user) {
				return
			}
		case <-deadline:
			t.Fatalf("no wake-up of %s within %s", user, timeout)
		}
	}
}

// TestEventListenerWakesAnotherReplica posts on replica a and sees b's
// LISTEN connection wake the recipients of each post.
func TestEventListenerWakesAnotherReplica(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	r := newReplicas(t, ctx)
	onB := wakeCollector(make(chan []domain.ID, 16))
	listener := gormstore.NewEventListener(r.url, "replica-b")
	go func() { _ = listener.Watch(ctx, onB.wake) }()
	testenv.Eventually(t, 5*time.Second, 5*time.Millisecond, listener.Listening)
	require.Nil(t, <-onB, "a new LISTEN connection first wakes every stream")

	r.post(t, ctx, "over NOTIFY")
	onB.await(t, r.bob.ID, 2*time.Second)
	r.post(t, ctx, "and again")
	onB.await(t, r.bob.ID, 2*time.Second)
}

// TestEventListenerSurvivesTerminatedConnection kills b's LISTEN backend:
// the event still reaches b's stream (poll or reconnection), the listener
// reconnects, and from then on the push works again.
func TestEventListenerSurvivesTerminatedConnection(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	r := newReplicas(t, ctx)
	hub := application.NewEventHub(gormstore.NewEventLog(r.b), application.HubOptions{})
	t.Cleanup(hub.Close)
	pushed := wakeCollector(make(chan []domain.ID, 64))
	listener := gormstore.NewEventListener(r.url, "replica-b")
	go func() {
		_ = listener.Watch(ctx, func(recipients []domain.ID) {
			pushed.wake(recipients)
			hub.Wake(recipients)
		})
	}()
	poller := gormstore.NewEventPoller(r.b, 100*time.Millisecond)
	poller.SetIdleInterval(time.Second, listener.Listening)
	go func() { _ = poller.Watch(ctx, hub.Wake) }()
	stream, err := hub.Subscribe(ctx, r.bob.ID, nil)
	require.NoError(t, err)
	<-poller.Marked()
	testenv.Eventually(t, 5*time.Second, 5*time.Millisecond, listener.Listening)

	var killed []bool
	require.NoError(t, r.b.DB().Raw("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"+
		" WHERE datname = current_database() AND query = 'LISTEN "+gormstore.EventChannel+"'").Scan(&killed).Error)
	require.Equal(t, []bool{true}, killed)

	first := r.post(t, ctx, "while LISTEN is down")
	receive(t, stream, first)
	testenv.Eventually(t, 5*time.Second, 5*time.Millisecond, func() bool {
		return listener.Connects() == 2 && listener.Listening()
	}, "the listener reconnects")
	for len(pushed) > 0 {
		<-pushed
	}
	second := r.post(t, ctx, "after the reconnection")
	pushed.await(t, r.bob.ID, 2*time.Second)
	receive(t, stream, second)
}

// receive waits for the message.created event of message on stream.
func receive(t *testing.T, stream *application.EventStream, message domain.ID) {
	t.Helper()
	deadline := time.After(3 * time.Second)
	for {
		select {
		case e, ok := <-stream.Events():
			require.True(t, ok, "stream ended: %v", stream.Err())
			if e.Name == domain.EventMessageCreated && e.SubjectID == message {
				return
			}
		case <-deadline:
			t.Fatalf("message %s never reached the stream", message)
		}
	}
}
