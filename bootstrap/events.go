package bootstrap

import (
	"context"
	"fmt"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"go.uber.org/fx"
	"go.uber.org/zap"

	"github.com/parley-chat/parley/adapters/gormstore"
	"github.com/parley-chat/parley/adapters/httpapi"
	"github.com/parley-chat/parley/adapters/memstore"
	"github.com/parley-chat/parley/adapters/redisstore"
	"github.com/parley-chat/parley/application"
	"github.com/parley-chat/parley/config"
	"github.com/parley-chat/parley/domain"
)

const (
	// eventPollInterval is how often a PostgreSQL replica looks for events
	// committed by the others while no push wake-up works: the
	// cross-replica delivery latency bound then.
	eventPollInterval = 150 * time.Millisecond
	// eventIdlePollInterval replaces it while the push wake-up (LISTEN or
	// the Redis subscription) is up. The push then delivers within
	// milliseconds, and the poll only bounds the delay of a wake-up that was
	// published and lost (a replica dying between its commit and its
	// notification); a second is enough for that, and saves each replica
	// six of every seven polls.
	eventIdlePollInterval = time.Second
	// eventsRedisPrefix starts the Redis channel of event wake-ups.
	eventsRedisPrefix = "parley"
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

// pushWatcher is a push wake-up between replicas that can tell whether it
// is up.
type pushWatcher interface {
	application.EventWatcher
	Listening() bool
}

// wakeOnGORMEvents wakes the hub as this process commits events and, on
// PostgreSQL, as other replicas do: a WakeRelay publishes the recipients
// of each commit after it (pg_notify, or Redis PUBLISH when
// PARLEY_REDIS_URL is set), a LISTEN connection or Redis subscription
// receives the others', and gormstore.EventPoller stays as the safety net,
// polling fast only while the push is down.
func wakeOnGORMEvents(lc fx.Lifecycle, store *gormstore.Store, hub *application.EventHub, cfg config.Config, logger *zap.Logger) error {
	if store.Dialect() != gormstore.DialectPostgres {
		store.SetEventHook(hub.Wake)
		return nil
	}
	var (
		relay   *application.WakeRelay
		watcher pushWatcher
	)
	if cfg.RedisURL != "" {
		ctx, cancel := context.WithTimeout(context.Background(), openTimeout)
		defer cancel()
		redis, err := redisstore.Open(ctx, cfg.RedisURL, eventsRedisPrefix, redisTimeout)
		if err != nil {
			return fmt.Errorf("open event wake-up channel: %w", err)
		}
		lc.Append(fx.StopHook(redis.Close))
		var bus *redisstore.EventBus
		relay = application.NewWakeRelay(func(ctx context.Context, payload string) error { return bus.Publish(ctx, payload) })
		bus = redisstore.NewEventBus(redis, cfg.RedisURL, relay.Origin())
		watcher = bus
	} else {
		relay = application.NewWakeRelay(gormstore.NotifyEvents(store))
		watcher = gormstore.NewEventListener(cfg.DatabaseURL, relay.Origin())
	}
	logger.Named("events").Info("cross-replica event wake-up", zap.Bool("redis", cfg.RedisURL != ""))
	store.SetEventHook(func(recipients []domain.ID) {
		hub.Wake(recipients)
		relay.Notify(recipients)
	})
	wake := func(recipients []domain.ID) {
		if recipients == nil {
			hub.WakeAll()
			return
		}
		hub.Wake(recipients)
	}
	poller := gormstore.NewEventPoller(store, eventPollInterval)
	poller.SetIdleInterval(eventIdlePollInterval, watcher.Listening)
	runInBackground(lc, relay.Run)
	runInBackground(lc, func(ctx context.Context) { _ = watcher.Watch(ctx, wake) })
	runInBackground(lc, func(ctx context.Context) { _ = poller.Watch(ctx, wake) })
	return nil
}

// wakeOnMemoryEvents wakes the hub as the in-memory store makes changes.
func wakeOnMemoryEvents(store *memstore.Store, hub *application.EventHub) {
	store.SetEventHook(hub.Wake)
}
