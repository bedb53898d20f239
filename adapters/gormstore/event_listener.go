package gormstore

import (
	"context"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/parley-chat/parley/application"
	"github.com/parley-chat/parley/domain"
)

// EventChannel is the PostgreSQL notification channel of event wake-ups.
const EventChannel = "parley_events"

// Reconnect backoff of the LISTEN connection.
const (
	listenBackoffMin = 100 * time.Millisecond
	listenBackoffMax = 5 * time.Second
)

// NotifyEvents returns the publisher of a WakeRelay on s: one pg_notify
// statement of its own, sent after the events' transaction committed.
//
// Why not NOTIFY inside the writing transaction: PostgreSQL takes a
// database-wide lock on the notification queue from the NOTIFY's commit
// until the commit is done, so every transaction that notifies commits
// one at a time. Sent afterwards, in a statement that writes nothing else,
// the lock is held only for that tiny commit, and the relay sends one
// notification for many posts under load (docs/BENCHMARKS.md, "Events:
// wake-up between replicas").
func NotifyEvents(s *Store) func(ctx context.Context, payload string) error {
	return func(ctx context.Context, payload string) error {
		ctx, cancel := s.bound(ctx)
		defer cancel()
		return s.conn(ctx).Exec("SELECT pg_notify(?, ?)", EventChannel, payload).Error
	}
}

// EventListener is an application.EventWatcher that LISTENs on
// EventChannel over one dedicated pgx connection (not one of the pool's)
// and wakes the recipients other replicas' relays publish. The connection
// is re-dialled with backoff when it drops; while it is down the
// EventPoller still delivers, and on each (re)connection the listener wakes
// every stream once, for what it may have missed.
type EventListener struct {
	url       string
	origin    string
	listening atomic.Bool
	connects  atomic.Int64
}

var _ application.EventWatcher = (*EventListener)(nil)

// NewEventListener returns a listener on the PostgreSQL database at url
// that ignores the payloads of origin (this replica's relay).
func NewEventListener(url, origin string) *EventListener {
	return &EventListener{url: url, origin: origin}
}

// Listening reports whether the LISTEN connection is up.
func (l *EventListener) Listening() bool { return l.listening.Load() }

// Connects counts the LISTEN connections established so far.
func (l *EventListener) Connects() int64 { return l.connects.Load() }

// Watch listens until ctx ends.
func (l *EventListener) Watch(ctx context.Context, wake func(recipients []domain.ID)) error {
	backoff := listenBackoffMin
	for {
		if l.listen(ctx, wake) {
			backoff = listenBackoffMin
		}
		if !sleep(ctx, backoff) {
			return ctx.Err()
		}
		backoff = min(2*backoff, listenBackoffMax)
	}
}

// listen runs one connection until it fails or ctx ends and reports
// whether it got as far as listening.
func (l *EventListener) listen(ctx context.Context, wake func([]domain.ID)) bool {
	dial, cancel := context.WithTimeout(ctx, DefaultQueryTimeout)
	conn, err := pgx.Connect(dial, l.url)
	cancel()
	if err != nil {
		return false
	}
	defer func() {
		l.listening.Store(false)
		closing, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		_ = conn.Close(closing)
	}()
	start, cancel := context.WithTimeout(ctx, DefaultQueryTimeout)
	_, err = conn.Exec(start, "LISTEN "+EventChannel)
	cancel()
	if err != nil {
		return false
	}
	l.listening.Store(true)
	l.connects.Add(1)
	wake(nil)
	for {
		n, err := conn.WaitForNotification(ctx)
		if err != nil {
			return true
		}
		application.DeliverWake(l.origin, n.Payload, wake)
	}
}
