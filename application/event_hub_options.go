package application

// HubOptions bound an EventHub.
type HubOptions struct {
	// MaxStreamsPerUser is how many streams one user may hold open (10).
	MaxStreamsPerUser int
	// Buffer is how many events a stream holds for its reader before the
	// reader counts as too slow (64).
	Buffer int
	// Batch is how many events one log read fetches (100).
	Batch int
	// Metrics observes the hub (none).
	Metrics EventMetrics
}

func (o HubOptions) withDefaults() HubOptions {
	if o.MaxStreamsPerUser <= 0 {
		o.MaxStreamsPerUser = 10
	}
	if o.Buffer <= 0 {
		o.Buffer = 64
	}
	if o.Batch <= 0 {
		o.Batch = 100
	}
	if o.Metrics == nil {
		o.Metrics = NopEventMetrics{}
	}
	return o
}
