package application

import (
	"context"

	"github.com/parley-chat/parley/domain"
)

// EventWatcher is the cross-replica half of the event wake-up: it watches
// for events committed by any process sharing the database and tells wake
// their recipients. The in-process half is the stores' event hook, which
// wakes the local hub as each change commits; a watcher makes events
// written by other replicas reach this one's streams.
type EventWatcher interface {
	// Watch calls wake until ctx ends. A wake-up may repeat or cover more
	// users than needed; the hub reads the log and delivers each event once.
	Watch(ctx context.Context, wake func(recipients []domain.ID)) error
}
