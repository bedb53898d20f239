package application

import "time"

// HubOptions bound an EventHub.
type HubOptions struct {
	// MaxStreamsPerUser is how many streams one user may hold open (10).
	MaxStreamsPerUser int
	// Buffer is how many events a stream holds for its reader (16): a
	// hand-over queue, not storage, since the log holds the rest.
	Buffer int
	// Batch is how many events one log read fetches (100).
	Batch int
	// SlowReaderWait is how long a stream waits for room in a full buffer
	// before its reader counts as too slow (10 s, the write window of one
	// frame). A replay longer than the buffer is paced by the reader, not
	// cut off: the log holds what the buffer cannot.
	SlowReaderWait time.Duration
	// Metrics observes the hub (none).
	Metrics EventMetrics
}

func (o HubOptions) withDefaults() HubOptions {
	if o.MaxStreamsPerUser <= 0 {
		o.MaxStreamsPerUser = 10
	}
	if o.Buffer <= 0 {
		o.Buffer = 16
	}
	if o.Batch <= 0 {
		o.Batch = 100
	}
	if o.SlowReaderWait <= 0 {
		o.SlowReaderWait = 10 * time.Second
	}
	if o.Metrics == nil {
		o.Metrics = NopEventMetrics{}
	}
	return o
}
