package application

import (
	"context"
	"time"

	"github.com/parley-chat/parley/domain"
)

// PurgeEvents deletes the events older than the retention, so the log stays
// bounded; a client whose Last-Event-ID fell behind it gets a reset.
type PurgeEvents struct {
	log       domain.EventLog
	clock     Clock
	retention time.Duration
}

// NewPurgeEvents returns the use case keeping events for retention.
func NewPurgeEvents(log domain.EventLog, clock Clock, retention time.Duration) *PurgeEvents {
	return &PurgeEvents{log: log, clock: clock, retention: retention}
}

// Execute deletes the events that occurred more than the retention ago and
// returns how many recipient rows went.
func (uc *PurgeEvents) Execute(ctx context.Context) (int64, error) {
	return uc.log.Purge(ctx, uc.clock.Now().Add(-uc.retention))
}
