package redisstore_test

import (
	"context"
	"regexp"
	"slices"
	"testing"
	"time"

	"github.com/gomodule/redigo/redis"
	"github.com/stretchr/testify/require"

	"github.com/parley-chat/parley/adapters/redisstore"
	"github.com/parley-chat/parley/application"
	"github.com/parley-chat/parley/domain"
	"github.com/parley-chat/parley/test/testenv"
)

// TestEventBusWakesAnotherReplica publishes a's wake-ups and sees b's
// subscription report them, also after b's connection was killed.
func TestEventBusWakesAnotherReplica(t *testing.T) {
	store, conn, _ := open(t)
	url := testenv.RedisURL(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()

	var a *redisstore.EventBus
	relay := application.NewWakeRelay(func(ctx context.Context, p string) error { return a.Publish(ctx, p) })
	a = redisstore.NewEventBus(store, url, relay.Origin())
	go relay.Run(ctx)
	b := redisstore.NewEventBus(store, url, "replica-b")
	woken := make(chan []domain.ID, 64)
	go func() { _ = b.Watch(ctx, func(r []domain.ID) { woken <- r }) }()
	testenv.Eventually(t, 5*time.Second, 5*time.Millisecond, b.Listening)
	require.Nil(t, <-woken, "a new subscription first wakes every stream")

	await := func(user domain.ID) {
		t.Helper()
		deadline := time.After(2 * time.Second)
		for {
			select {
			case got := <-woken:
				if slices.Contains(got, user) {
					return
				}
			case <-deadline:
				t.Fatalf("no wake-up of %s", user)
			}
		}
	}
	bob := domain.NewID()
	relay.Notify([]domain.ID{bob})
	await(bob)

	list, err := redis.String(conn.Do("CLIENT", "LIST"))
	require.NoError(t, err)
	m := regexp.MustCompile(`id=(\d+) [^\n]*name=` + regexp.QuoteMeta(b.ClientName()) + ` `).FindStringSubmatch(list)
	require.NotNil(t, m, "b's subscription is in CLIENT LIST")
	_, err = conn.Do("CLIENT", "KILL", "ID", m[1])
	require.NoError(t, err)
	testenv.Eventually(t, 5*time.Second, 5*time.Millisecond, func() bool { return b.Connects() == 2 && b.Listening() },
		"the subscription reconnects")
	carol := domain.NewID()
	relay.Notify([]domain.ID{carol})
	await(carol)
}
