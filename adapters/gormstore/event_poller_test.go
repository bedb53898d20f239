package gormstore_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/parley-chat/parley/adapters/gormstore"
	"github.com/parley-chat/parley/application"
	"github.com/parley-chat/parley/domain"
)

// TestEventsReachAnotherReplica runs two stores and hubs on one PostgreSQL
// database, as two replicas do: an event committed through one is
// delivered by the other's hub, woken only by its poller, within a second.
func TestEventsReachAnotherReplica(t *testing.T) {
	url := freshURL(t, gormstore.DialectPostgres)
	a := mustOpen(t, gormstore.Options{URL: url})
	require.NoError(t, gormstore.Migrate(context.Background(), a))
	b := mustOpen(t, gormstore.Options{URL: url})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()

	now := time.Now().UTC()
	acc, err := domain.NewAccount("Acme", now)
	require.NoError(t, err)
	ada := domain.NewUser(acc.ID, domain.UserDraft{Name: "Ada", Email: "ada@x.test"}, domain.RoleAdmin, "hash", now)
	require.NoError(t, gormstore.NewUsers(a).CreateWithAccount(ctx, acc, ada))
	bob := domain.NewUser(acc.ID, domain.UserDraft{Name: "Bob", Email: "bob@x.test"}, domain.RoleMember, "hash", now)
	require.NoError(t, gormstore.NewUsers(a).Create(ctx, bob))

	hub := application.NewEventHub(gormstore.NewEventLog(b), application.HubOptions{})
	t.Cleanup(hub.Close)
	poller := gormstore.NewEventPoller(b, 100*time.Millisecond)
	go func() { _ = poller.Watch(ctx, hub.Wake) }()
	stream, err := hub.Subscribe(ctx, bob.ID, nil)
	require.NoError(t, err)
	select {
	case <-poller.Marked():
	case <-time.After(5 * time.Second):
		t.Fatal("the poller never took its starting mark")
	}

	agg, err := domain.StartDirectConversation(domain.Actor{AccountID: acc.ID, UserID: ada.ID}, bob, now)
	require.NoError(t, err)
	require.NoError(t, gormstore.NewDirectConversations(a).Create(ctx, agg))
	posted := time.Now()
	msg, err := domain.NewMessage(agg.Chat.ID, ada.ID, "across replicas", now)
	require.NoError(t, err)
	require.NoError(t, gormstore.NewMessages(a).Post(ctx, msg))

	var got []domain.Event
	for len(got) < 2 {
		select {
		case e, ok := <-stream.Events():
			require.True(t, ok, "stream ended: %v", stream.Err())
			got = append(got, e)
		case <-time.After(time.Second):
			t.Fatalf("replica B delivered %d of 2 events within a second", len(got))
		}
	}
	require.Less(t, time.Since(posted), time.Second)
	require.Equal(t, []domain.EventName{domain.EventDirectConversationCreated, domain.EventMessageCreated},
		[]domain.EventName{got[0].Name, got[1].Name})
	require.Equal(t, msg.ID, got[1].SubjectID)
	require.Equal(t, []int64{1, 2}, []int64{got[0].Seq, got[1].Seq})
}
