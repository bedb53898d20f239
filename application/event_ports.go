package application

import (
	"context"
	"errors"
	"time"

	"github.com/parley-chat/parley/domain"
)

// Why a stream ended, as the hub reports it to its metrics and its reader.
var (
	// ErrTooManyStreams refuses a stream beyond the per-user limit; the edge
	// answers 429.
	ErrTooManyStreams = errors.New("too many open event streams")
	// ErrSlowReader ends a stream whose buffer filled: its reader fell
	// behind and resumes with Last-Event-ID.
	ErrSlowReader = errors.New("event stream reader too slow")
	// ErrHubClosed ends every stream when the hub shuts down.
	ErrHubClosed = errors.New("event hub closed")
	// ErrStreamRevoked ends a stream whose token no longer holds.
	ErrStreamRevoked = errors.New("event stream token revoked")
)

// Disconnect causes as the metrics label them.
const (
	CauseClient   = "client"
	CauseSlow     = "slow_reader"
	CauseShutdown = "shutdown"
	CauseRevoked  = "revoked"
	CauseError    = "error"
)

// EventMetrics observes the hub. Implementations must be safe for
// concurrent use and must not block.
type EventMetrics interface {
	// StreamOpened counts a stream that started.
	StreamOpened()
	// StreamClosed counts a stream that ended, by cause (Cause*).
	StreamClosed(cause string)
	// Delivered counts one event handed to a stream's buffer, latency after
	// it was written.
	Delivered(latency time.Duration)
}

// NopEventMetrics observes nothing.
type NopEventMetrics struct{}

// StreamOpened does nothing.
func (NopEventMetrics) StreamOpened() {}

// StreamClosed does nothing.
func (NopEventMetrics) StreamClosed(string) {}

// Delivered does nothing.
func (NopEventMetrics) Delivered(time.Duration) {}

// causeOf names the metrics cause of a stream's end.
func causeOf(err error) string {
	switch {
	case errors.Is(err, ErrSlowReader):
		return CauseSlow
	case errors.Is(err, ErrHubClosed):
		return CauseShutdown
	case errors.Is(err, ErrStreamRevoked):
		return CauseRevoked
	case err == nil || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded):
		return CauseClient
	default:
		return CauseError
	}
}

// EventWatcher is the cross-replica half of the event wake-up: it watches
// for events committed by any process sharing the database and tells wake
// their recipients. The in-process half is the stores' event hook, which
// wakes the local hub as each change commits; a watcher makes events
// written by other replicas reach this one's streams.
type EventWatcher interface {
	// Watch calls wake until ctx ends. A wake-up may repeat or cover more
	// users than needed; the hub reads the log and delivers each event once.
	// wake(nil) means "every stream" (EventHub.WakeAll).
	Watch(ctx context.Context, wake func(recipients []domain.ID)) error
}
