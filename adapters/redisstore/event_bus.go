package redisstore

import (
	"context"
	"sync/atomic"
	"time"

	"github.com/gomodule/redigo/redis"

	"github.com/parley-chat/parley/application"
	"github.com/parley-chat/parley/domain"
)

// Reconnect backoff and keep-alive of the event subscription.
const (
	subscribeBackoffMin = 100 * time.Millisecond
	subscribeBackoffMax = 5 * time.Second
	subscribePing       = 10 * time.Second
)

// EventBus carries event wake-ups between replicas over Redis pub/sub:
// Publish is a WakeRelay's publisher (one PUBLISH on the store's pool) and
// Watch an application.EventWatcher on one dedicated subscription
// connection, re-dialled with backoff when it drops. PostgreSQL stays the
// source of truth: a lost message costs latency, never an event, because
// the event poll still runs.
type EventBus struct {
	store     *Store
	url       string
	channel   string
	origin    string
	listening atomic.Bool
	connects  atomic.Int64
}

var _ application.EventWatcher = (*EventBus)(nil)

// NewEventBus returns a bus on store's Redis (url is the one store was
// opened with), publishing on the channel "<prefix>:events" and ignoring
// the payloads of origin (this replica's relay).
func NewEventBus(store *Store, url, origin string) *EventBus {
	return &EventBus{store: store, url: url, channel: store.key("events"), origin: origin}
}

// Publish sends payload to every subscribed replica.
func (b *EventBus) Publish(ctx context.Context, payload string) error {
	return b.store.with(ctx, func(ctx context.Context, conn redis.Conn) error {
		_, err := redis.DoContext(conn, ctx, "PUBLISH", b.channel, payload)
		return err
	})
}

// ClientName is the subscription connection's name in Redis's CLIENT LIST.
func (b *EventBus) ClientName() string { return b.channel }

// Listening reports whether the subscription is up.
func (b *EventBus) Listening() bool { return b.listening.Load() }

// Connects counts the subscriptions established so far.
func (b *EventBus) Connects() int64 { return b.connects.Load() }

// Watch subscribes until ctx ends; on each (re)subscription it wakes every
// stream once, for what it may have missed while down.
func (b *EventBus) Watch(ctx context.Context, wake func(recipients []domain.ID)) error {
	backoff := subscribeBackoffMin
	for {
		if b.subscribe(ctx, wake) {
			backoff = subscribeBackoffMin
		}
		t := time.NewTimer(backoff)
		select {
		case <-ctx.Done():
			t.Stop()
			return ctx.Err()
		case <-t.C:
		}
		backoff = min(2*backoff, subscribeBackoffMax)
	}
}

// subscribe runs one subscription until it fails or ctx ends and reports
// whether it got as far as subscribing.
func (b *EventBus) subscribe(ctx context.Context, wake func([]domain.ID)) bool {
	dial, cancel := context.WithTimeout(ctx, b.store.timeout)
	conn, err := redis.DialURLContext(dial, b.url, redis.DialConnectTimeout(b.store.timeout),
		redis.DialWriteTimeout(b.store.timeout), redis.DialClientName(b.ClientName()))
	cancel()
	if err != nil {
		return false
	}
	psc := redis.PubSubConn{Conn: conn}
	defer func() {
		b.listening.Store(false)
		_ = psc.Close()
	}()
	if err := psc.Subscribe(b.channel); err != nil {
		return false
	}
	live, stop := context.WithCancel(ctx)
	defer stop()
	go b.keepAlive(live, psc)
	subscribed := false
	for {
		switch m := psc.ReceiveContext(live).(type) {
		case redis.Subscription:
			if m.Kind == "subscribe" && !subscribed {
				subscribed = true
				b.listening.Store(true)
				b.connects.Add(1)
				wake(nil)
			}
		case redis.Message:
			application.DeliverWake(b.origin, string(m.Data), wake)
		case error:
			return subscribed
		}
	}
}

// keepAlive pings the subscription so that a dead connection shows as a
// receive error rather than silence.
func (b *EventBus) keepAlive(ctx context.Context, psc redis.PubSubConn) {
	t := time.NewTicker(subscribePing)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if err := psc.Ping(""); err != nil {
				_ = psc.Close()
				return
			}
		}
	}
}
