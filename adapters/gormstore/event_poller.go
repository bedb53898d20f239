package gormstore

import (
	"context"
	"sync"
	"time"

	"github.com/parley-chat/parley/application"
	"github.com/parley-chat/parley/domain"
)

// EventPoller watches the events table of a database shared by replicas.
//
// It is the safety net under the push wake-up (EventListener, or Redis):
// a poll reads only committed rows, so it finds every event whatever
// happened to its notification, and costs one index range scan of the
// newest event_recipients entries per interval, whatever the number of
// streams. SetIdleInterval makes it poll seldom while the push works.
//
// Event ids come from a sequence and may commit out of order, so each poll
// looks back Lookback ids below the highest it saw and remembers which of
// those it already reported; an event committing later than Lookback newer
// ones is still delivered, by its recipient's next wake-up or the hub's
// periodic WakeAll.
type EventPoller struct {
	s        *Store
	interval time.Duration
	// idle, when pushed reports true, replaces interval (SetIdleInterval).
	idle     time.Duration
	pushed   func() bool
	lookback int64
	marked   chan struct{}
	markOnce sync.Once
}

var _ application.EventWatcher = (*EventPoller)(nil)

// NewEventPoller returns a poller of s's events every interval.
func NewEventPoller(s *Store, interval time.Duration) *EventPoller {
	return &EventPoller{s: s, interval: interval, lookback: 256, marked: make(chan struct{})}
}

// SetIdleInterval makes the poller wait idle instead of its interval while
// pushed reports true: while a push wake-up (EventListener, a Redis
// subscription) is working, the poll is only the safety net for a
// notification lost after its commit, and polling seldom saves every
// replica one query per interval. Set it before Watch.
func (p *EventPoller) SetIdleInterval(idle time.Duration, pushed func() bool) {
	p.idle, p.pushed = idle, pushed
}

// wait returns how long to wait before the next poll.
func (p *EventPoller) wait() time.Duration {
	if p.pushed != nil && p.idle > 0 && p.pushed() {
		return p.idle
	}
	return p.interval
}

// Marked is closed once Watch has read its starting mark: events committed
// from then on are reported.
func (p *EventPoller) Marked() <-chan struct{} { return p.marked }

// recipientRow is one recipient of an event the poll found.
type recipientRow struct {
	EventID int64     `gorm:"column:event_id"`
	UserID  domain.ID `gorm:"column:user_id"`
}

// Watch polls until ctx ends; it reports only events committed after it
// started. A failed poll is retried at the next interval.
func (p *EventPoller) Watch(ctx context.Context, wake func(recipients []domain.ID)) error {
	var high int64
	for {
		bounded, cancel := p.s.bound(ctx)
		err := p.s.conn(bounded).Raw("SELECT coalesce(max(id), 0) FROM events").Scan(&high).Error
		cancel()
		if err == nil {
			p.markOnce.Do(func() { close(p.marked) })
			break
		}
		if !sleep(ctx, p.interval) {
			return ctx.Err()
		}
	}
	seen := map[int64]struct{}{}
	for sleep(ctx, p.wait()) {
		high = p.poll(ctx, high, seen, wake)
	}
	return ctx.Err()
}

// poll reports the events above high-lookback not seen yet and returns the
// new high mark.
func (p *EventPoller) poll(ctx context.Context, high int64, seen map[int64]struct{}, wake func([]domain.ID)) int64 {
	low := max(high-p.lookback, 0)
	bounded, cancel := p.s.bound(ctx)
	defer cancel()
	var rows []recipientRow
	err := p.s.conn(bounded).Raw("SELECT event_id, user_id FROM event_recipients WHERE event_id > ? ORDER BY event_id", low).
		Scan(&rows).Error
	if err != nil {
		return high
	}
	var users []domain.ID
	fresh := map[int64]struct{}{}
	for _, r := range rows {
		if _, ok := seen[r.EventID]; ok || r.EventID <= low {
			continue
		}
		fresh[r.EventID] = struct{}{}
		users = append(users, r.UserID)
		high = max(high, r.EventID)
	}
	for id := range fresh {
		seen[id] = struct{}{}
	}
	for id := range seen {
		if id <= high-p.lookback {
			delete(seen, id)
		}
	}
	if len(users) > 0 {
		wake(users)
	}
	return high
}

// sleep waits d and reports whether ctx is still live.
func sleep(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return false
	case <-t.C:
		return true
	}
}
