package application

import (
	"context"
	"strings"
	"sync"
	"time"

	"github.com/parley-chat/parley/domain"
)

// The push half of the cross-replica wake-up. A replica that commits events
// hands their recipients to its WakeRelay, which publishes them after the
// commit, outside the writing transaction, on a channel every replica
// listens to (PostgreSQL NOTIFY or Redis PUBLISH). A lost message costs
// only latency: the poll still finds every committed event.

// Wake payloads are "<origin>|<id>,<id>,…" or "<origin>|*" (wake every
// stream); origin names the publishing replica so that it can skip its own
// wake-ups, which its store's event hook already delivered.
const (
	// MaxWakePayload keeps a payload under PostgreSQL's NOTIFY limit of
	// 8000 bytes.
	MaxWakePayload = 7900
	// maxPendingWake bounds the recipients a relay holds between two
	// publications; beyond it the relay sends one "wake all" instead.
	maxPendingWake = 4096
	wakeAll        = "*"
	// wakeGap is the least time between two publications of a relay. Each
	// notification is a small commit of its own in PostgreSQL; under load
	// the gap makes one of them serve every post of the last few
	// milliseconds, at a cost of at most that much latency.
	wakeGap = 5 * time.Millisecond
)

// WakeRelay coalesces the recipients of committed events and publishes them
// in batches. Notify never blocks the committing request; Run does the
// publishing, at most once per wakeGap, so under load many commits share
// one message.
type WakeRelay struct {
	origin  string
	publish func(ctx context.Context, payload string) error

	mu      sync.Mutex
	pending map[domain.ID]struct{}
	all     bool
	kick    chan struct{}
}

// NewWakeRelay returns a relay that publishes with publish, naming itself
// with a fresh origin.
func NewWakeRelay(publish func(ctx context.Context, payload string) error) *WakeRelay {
	return &WakeRelay{
		origin: domain.NewID().String(), publish: publish,
		pending: map[domain.ID]struct{}{}, kick: make(chan struct{}, 1),
	}
}

// Origin names this relay's replica in its payloads.
func (r *WakeRelay) Origin() string { return r.origin }

// Notify queues recipients for the next publication. It never blocks, so a
// store's event hook may call it right after the commit.
func (r *WakeRelay) Notify(recipients []domain.ID) {
	r.mu.Lock()
	if !r.all {
		for _, u := range recipients {
			r.pending[u] = struct{}{}
		}
		if len(r.pending) > maxPendingWake {
			r.all, r.pending = true, map[domain.ID]struct{}{}
		}
	}
	r.mu.Unlock()
	select {
	case r.kick <- struct{}{}:
	default:
	}
}

// Run publishes what Notify queued until ctx ends. A failed publication is
// dropped: the other replicas' polls deliver those events a little later.
func (r *WakeRelay) Run(ctx context.Context) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-r.kick:
		}
		r.mu.Lock()
		recipients := make([]domain.ID, 0, len(r.pending))
		for u := range r.pending {
			recipients = append(recipients, u)
		}
		all := r.all
		r.pending, r.all = map[domain.ID]struct{}{}, false
		r.mu.Unlock()
		for _, payload := range EncodeWake(r.origin, recipients, all) {
			_ = r.publish(ctx, payload)
		}
		gap := time.NewTimer(wakeGap)
		select {
		case <-ctx.Done():
			gap.Stop()
			return
		case <-gap.C:
		}
	}
}

// EncodeWake splits recipients into payloads of at most MaxWakePayload
// bytes; all (or a list too long for a handful of payloads) is one "wake
// every stream" payload.
func EncodeWake(origin string, recipients []domain.ID, all bool) []string {
	head := origin + "|"
	perPayload := (MaxWakePayload - len(head)) / 37
	if all || len(recipients) > 4*perPayload {
		return []string{head + wakeAll}
	}
	var out []string
	for len(recipients) > 0 {
		n := min(perPayload, len(recipients))
		ids := make([]string, n)
		for i, u := range recipients[:n] {
			ids[i] = u.String()
		}
		out = append(out, head+strings.Join(ids, ","))
		recipients = recipients[n:]
	}
	return out
}

// DeliverWake decodes payload and calls wake with its recipients, or with
// nil for "wake every stream". Payloads published by self (this replica's
// origin) and malformed ones are ignored; an unparsable id wakes every
// stream rather than risk a missed one.
func DeliverWake(self, payload string, wake func(recipients []domain.ID)) {
	origin, list, ok := strings.Cut(payload, "|")
	if !ok || origin == self || list == "" {
		return
	}
	if list == wakeAll {
		wake(nil)
		return
	}
	parts := strings.Split(list, ",")
	recipients := make([]domain.ID, 0, len(parts))
	for _, p := range parts {
		id, err := domain.ParseID(p)
		if err != nil {
			wake(nil)
			return
		}
		recipients = append(recipients, id)
	}
	wake(recipients)
}
