package httpapi

import (
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/parley-chat/parley/application"
)

// EventMetrics is the Prometheus side of the event hub: open streams,
// events delivered, how long after commit they were handed over, and why
// streams ended.
type EventMetrics struct {
	open        prometheus.Gauge
	delivered   prometheus.Counter
	latency     prometheus.Histogram
	disconnects *prometheus.CounterVec
}

var _ application.EventMetrics = (*EventMetrics)(nil)

// NewEventMetrics registers the event metrics with reg.
func NewEventMetrics(reg prometheus.Registerer) (*EventMetrics, error) {
	m := &EventMetrics{
		open: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "parley_event_streams_open",
			Help: "Event streams open in this process.",
		}),
		delivered: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "parley_events_delivered_total",
			Help: "Events handed to a stream.",
		}),
		latency: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name:    "parley_event_delivery_latency_seconds",
			Help:    "Time from an event's commit to its hand-over to a stream.",
			Buckets: []float64{.005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10},
		}),
		disconnects: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "parley_event_stream_disconnects_total",
			Help: "Event streams that ended, by cause.",
		}, []string{"cause"}),
	}
	for _, c := range []prometheus.Collector{m.open, m.delivered, m.latency, m.disconnects} {
		if err := reg.Register(c); err != nil {
			return nil, err
		}
	}
	return m, nil
}

// StreamOpened counts a stream that started.
func (m *EventMetrics) StreamOpened() { m.open.Inc() }

// StreamClosed counts a stream that ended, by cause.
func (m *EventMetrics) StreamClosed(cause string) {
	m.open.Dec()
	m.disconnects.WithLabelValues(cause).Inc()
}

// Delivered counts one event handed over latency after its commit.
func (m *EventMetrics) Delivered(latency time.Duration) {
	m.delivered.Inc()
	m.latency.Observe(latency.Seconds())
}
