package httpapi

import (
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/stretchr/testify/require"

	"github.com/parley-chat/parley/application"
)

func TestEventMetricsCountStreamsAndDeliveries(t *testing.T) {
	reg := prometheus.NewRegistry()
	m, err := NewEventMetrics(reg)
	require.NoError(t, err)
	m.StreamOpened()
	m.StreamOpened()
	m.StreamClosed(application.CauseSlow)
	m.Delivered(20 * time.Millisecond)
	families, err := reg.Gather()
	require.NoError(t, err)
	got := map[string]float64{}
	for _, f := range families {
		for _, metric := range f.GetMetric() {
			switch {
			case metric.GetGauge() != nil:
				got[f.GetName()] = metric.GetGauge().GetValue()
			case metric.GetHistogram() != nil:
				got[f.GetName()] = float64(metric.GetHistogram().GetSampleCount())
			case metric.GetCounter() != nil && len(metric.GetLabel()) > 0:
				got[f.GetName()+"/"+metric.GetLabel()[0].GetValue()] = metric.GetCounter().GetValue()
			case metric.GetCounter() != nil:
				got[f.GetName()] = metric.GetCounter().GetValue()
			}
		}
	}
	require.Equal(t, map[string]float64{
		"parley_event_streams_open":                         1,
		"parley_events_delivered_total":                     1,
		"parley_event_delivery_latency_seconds":             1,
		"parley_event_stream_disconnects_total/slow_reader": 1,
	}, got)
	_, err = NewEventMetrics(reg)
	require.Error(t, err, "registering twice must fail")
}
