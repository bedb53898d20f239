package bootstrap

import (
	"fmt"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"go.uber.org/fx"

	"github.com/parley-chat/parley/adapters/gormstore"
	"github.com/parley-chat/parley/adapters/httpapi/middleware"
)

// databaseName labels the connection-pool series.
const databaseName = "parley"

func metricsModule() fx.Option {
	return fx.Module("metrics",
		fx.Provide(newRegistry, middleware.NewMetrics, newMetricsServer),
		fx.Invoke(registerDatabaseStats, func(*MetricsServer) {}),
	)
}

// newRegistry returns the registry /metrics serves, holding the Go runtime
// and process collectors. It is the service's own, never the global default.
func newRegistry() (*prometheus.Registry, error) {
	reg := prometheus.NewRegistry()
	for _, c := range []prometheus.Collector{
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
	} {
		if err := reg.Register(c); err != nil {
			return nil, fmt.Errorf("register runtime metrics: %w", err)
		}
	}
	return reg, nil
}

// databaseIn takes the GORM store when the graph has one; the memory
// persistence has no pool to report.
type databaseIn struct {
	fx.In

	Store *gormstore.Store `optional:"true"`
}

func registerDatabaseStats(reg *prometheus.Registry, db databaseIn) error {
	if db.Store == nil {
		return nil
	}
	sqlDB, err := db.Store.DB().DB()
	if err != nil {
		return fmt.Errorf("database pool for metrics: %w", err)
	}
	if err := reg.Register(collectors.NewDBStatsCollector(sqlDB, databaseName)); err != nil {
		return fmt.Errorf("register database metrics: %w", err)
	}
	return nil
}
