package application

import (
	"context"
	"sync"

	"github.com/parley-chat/parley/domain"
)

// EventHub holds this process's open event streams per user. A wake-up for
// a user makes each of the user's streams read the event log after the last
// seq it delivered, so every stream gets every event in order, once, however
// often or seldom it is woken; the log, not the wake-up, carries the events.
type EventHub struct {
	log  domain.EventLog
	opts HubOptions

	mu      sync.Mutex
	streams map[domain.ID]map[*EventStream]struct{}
	closed  bool
	running sync.WaitGroup
}

// NewEventHub returns a hub reading log.
func NewEventHub(log domain.EventLog, opts HubOptions) *EventHub {
	return &EventHub{log: log, opts: opts.withDefaults(), streams: map[domain.ID]map[*EventStream]struct{}{}}
}

// Subscribe opens a stream of user's events that lives until ctx ends, the
// stream is closed or the hub closes. lastSeen is the client's
// Last-Event-ID: the stream replays what follows it. Without one the
// stream starts with the next event. When lastSeen is older than the
// retained events (or unknown to this log) the stream is marked Reset and
// starts with the next event. Beyond the per-user limit it returns
// ErrTooManyStreams.
func (h *EventHub) Subscribe(ctx context.Context, user domain.ID, lastSeen *int64) (*EventStream, error) {
	if err := h.admit(user); err != nil {
		return nil, err
	}
	oldest, next, err := h.log.Horizon(ctx, user)
	if err != nil {
		return nil, err
	}
	s := &EventStream{
		hub: h, user: user, last: next - 1,
		events: make(chan domain.Event, h.opts.Buffer),
		wake:   make(chan struct{}, 1),
		stop:   make(chan struct{}),
	}
	if lastSeen != nil {
		if *lastSeen+1 < oldest || *lastSeen >= next {
			s.reset = true
		} else {
			s.last = *lastSeen
		}
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		return nil, ErrHubClosed
	}
	if len(h.streams[user]) >= h.opts.MaxStreamsPerUser {
		return nil, ErrTooManyStreams
	}
	if h.streams[user] == nil {
		h.streams[user] = map[*EventStream]struct{}{}
	}
	h.streams[user][s] = struct{}{}
	h.opts.Metrics.StreamOpened()
	h.running.Add(1)
	// Events committed since the horizon was read are picked up at once.
	s.signal()
	go s.run(ctx)
	return s, nil
}

// admit refuses early what Subscribe would refuse anyway, before it reads
// the log.
func (h *EventHub) admit(user domain.ID) error {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		return ErrHubClosed
	}
	if len(h.streams[user]) >= h.opts.MaxStreamsPerUser {
		return ErrTooManyStreams
	}
	return nil
}

// Wake tells the streams of users that the log has news for them. It never
// blocks, so stores may call it from their commit path.
func (h *EventHub) Wake(users []domain.ID) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for _, u := range users {
		for s := range h.streams[u] {
			s.signal()
		}
	}
}

// WakeAll wakes every stream: the safety net for a wake-up that was missed.
func (h *EventHub) WakeAll() {
	h.mu.Lock()
	defer h.mu.Unlock()
	for _, set := range h.streams {
		for s := range set {
			s.signal()
		}
	}
}

// Open returns how many streams user holds open here.
func (h *EventHub) Open(user domain.ID) int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.streams[user])
}

// Close ends every stream with ErrHubClosed, refuses new ones and waits for
// the streams' readers of the log to stop.
func (h *EventHub) Close() {
	h.mu.Lock()
	h.closed = true
	for _, set := range h.streams {
		for s := range set {
			s.end(ErrHubClosed)
		}
	}
	h.mu.Unlock()
	h.running.Wait()
}

// remove forgets s.
func (h *EventHub) remove(s *EventStream) {
	h.mu.Lock()
	defer h.mu.Unlock()
	delete(h.streams[s.user], s)
	if len(h.streams[s.user]) == 0 {
		delete(h.streams, s.user)
	}
}
