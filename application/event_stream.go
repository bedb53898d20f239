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

// drain hands every event after the last delivered one to the buffer, one
// log batch at a time, so a stream never holds more than its buffer and a
// batch however far behind its reader is.
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
			if err := s.hand(ctx, e); err != nil {
				return err
			}
			s.last = e.Seq
			s.hub.opts.Metrics.Delivered(time.Since(e.OccurredAt))
		}
		if len(evs) < s.hub.opts.Batch {
			return nil
		}
	}
}

// hand puts e in the buffer. When the buffer is full it waits up to
// SlowReaderWait for room; a reader that frees none in that time is too
// slow, and the stream ends rather than grow.
func (s *EventStream) hand(ctx context.Context, e domain.Event) error {
	select {
	case s.events <- e:
		return nil
	default:
	}
	wait := time.NewTimer(s.hub.opts.SlowReaderWait)
	defer wait.Stop()
	select {
	case s.events <- e:
		return nil
	case <-wait.C:
		return ErrSlowReader
	case <-s.stop:
		return s.cause
	case <-ctx.Done():
		return ctx.Err()
	}
}
