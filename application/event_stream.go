package application

import (
	"context"
	"sync"
	"time"

	"github.com/parley-chat/parley/domain"
)

// EventStream is one open stream of a user's events, fed by its own
// goroutine from the event log into a bounded buffer.
type EventStream struct {
	hub    *EventHub
	user   domain.ID
	reset  bool
	last   int64 // only the run goroutine touches it after Subscribe
	events chan domain.Event
	wake   chan struct{}

	stopOnce sync.Once
	stop     chan struct{}
	cause    error
}

// Events delivers the stream's events in seq order, once each. It is closed
// when the stream ends; Err then tells why.
func (s *EventStream) Events() <-chan domain.Event { return s.events }

// Reset reports that the client's Last-Event-ID was older than the retained
// events: it must refetch, and the stream starts with the next event.
func (s *EventStream) Reset() bool { return s.reset }

// Err returns why the stream ended: ErrSlowReader, ErrHubClosed, the
// context's error, or a log read's error. Call it after Events is closed.
func (s *EventStream) Err() error { return s.cause }

// Close ends the stream from the reader's side.
func (s *EventStream) Close() { s.end(context.Canceled) }

// Revoke ends the stream because its token no longer holds.
func (s *EventStream) Revoke() { s.end(ErrStreamRevoked) }

// signal wakes the stream without blocking; wake-ups coalesce.
func (s *EventStream) signal() {
	select {
	case s.wake <- struct{}{}:
	default:
	}
}

// end stops the stream with cause, once.
func (s *EventStream) end(cause error) {
	s.stopOnce.Do(func() {
		s.cause = cause
		close(s.stop)
	})
}

// run reads the log on every wake-up until the stream ends.
func (s *EventStream) run(ctx context.Context) {
	defer s.hub.running.Done()
	defer close(s.events)
	defer s.hub.remove(s)
	for {
		select {
		case <-ctx.Done():
			s.end(ctx.Err())
		case <-s.stop:
		case <-s.wake:
			if err := s.drain(ctx); err != nil {
				s.end(err)
			}
			continue
		}
		s.hub.opts.Metrics.StreamClosed(causeOf(s.cause))
		return
	}
}

// drain hands every event after the last delivered one to the buffer; a
// full buffer ends the stream rather than growing.
func (s *EventStream) drain(ctx context.Context) error {
	for {
		select {
		case <-s.stop:
			return s.cause
		default:
		}
		evs, err := s.hub.log.After(ctx, s.user, s.last, s.hub.opts.Batch)
		if err != nil {
			return err
		}
		for _, e := range evs {
			select {
			case s.events <- e:
				s.last = e.Seq
				s.hub.opts.Metrics.Delivered(time.Since(e.OccurredAt))
			default:
				return ErrSlowReader
			}
		}
		if len(evs) < s.hub.opts.Batch {
			return nil
		}
	}
}
