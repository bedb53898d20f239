package bootstrap

import (
	"context"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"go.uber.org/fx"
	"go.uber.org/zap"

	"github.com/parley-chat/parley/adapters/gormstore"
	"github.com/parley-chat/parley/adapters/httpapi"
	"github.com/parley-chat/parley/adapters/memstore"
	"github.com/parley-chat/parley/application"
	"github.com/parley-chat/parley/config"
	"github.com/parley-chat/parley/domain"
)

const (
	// eventPollInterval is how often a PostgreSQL replica looks for events
	// committed by the others: the cross-replica delivery latency bound.
	eventPollInterval = 150 * time.Millisecond
	// eventSweepInterval wakes every local stream, the safety net for a
	// wake-up the poll's look-back window missed; it costs one log read per
	// open stream, so it runs seldom.
	eventSweepInterval = 30 * time.Second
	// eventPurgeInterval is how often events past the retention are deleted.
	eventPurgeInterval = time.Minute
)

func eventsModule() fx.Option {
	return fx.Module("events",
		fx.Provide(provideEventHub, providePurgeEvents),
		fx.Invoke(purgeEvents),
	)
}

// provideEventHub returns this process's hub, counted in reg; stopping
// ends its streams.
func provideEventHub(lc fx.Lifecycle, log domain.EventLog, reg *prometheus.Registry) (*application.EventHub, error) {
	metrics, err := httpapi.NewEventMetrics(reg)
	if err != nil {
		return nil, err
	}
	hub := application.NewEventHub(log, application.HubOptions{Metrics: metrics})
	lc.Append(fx.StopHook(hub.Close))
	runInBackground(lc, func(ctx context.Context) { every(ctx, eventSweepInterval, func(context.Context) { hub.WakeAll() }) })
	return hub, nil
}

func providePurgeEvents(log domain.EventLog, clock application.Clock, cfg config.Config) *application.PurgeEvents {
	return application.NewPurgeEvents(log, clock, cfg.EventsRetention)
}

func purgeEvents(lc fx.Lifecycle, purge *application.PurgeEvents, logger *zap.Logger) {
	runInBackground(lc, func(ctx context.Context) {
		every(ctx, eventPurgeInterval, func(ctx context.Context) {
			if _, err := purge.Execute(ctx); err != nil && ctx.Err() == nil {
				logger.Warn("purge old events", zap.Error(err))
			}
		})
	})
}

// wakeOnGORMEvents wakes the hub as this process commits events and, on
// PostgreSQL, as other replicas do (gormstore.EventPoller says why it polls).
func wakeOnGORMEvents(lc fx.Lifecycle, store *gormstore.Store, hub *application.EventHub) {
	store.SetEventHook(hub.Wake)
	if store.Dialect() != gormstore.DialectPostgres {
		return
	}
	poller := gormstore.NewEventPoller(store, eventPollInterval)
	runInBackground(lc, func(ctx context.Context) { _ = poller.Watch(ctx, hub.Wake) })
}

// wakeOnMemoryEvents wakes the hub as the in-memory store makes changes.
func wakeOnMemoryEvents(store *memstore.Store, hub *application.EventHub) {
	store.SetEventHook(hub.Wake)
}
