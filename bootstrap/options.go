// Package bootstrap wires Parley together with fx: one module per concern,
// assembled by Options, started by Run.
package bootstrap

import (
	"time"

	"go.uber.org/fx"

	"github.com/parley-chat/parley/config"
)

// Persistence selects the store behind the repository ports.
type Persistence int

// Persistences.
const (
	// GORM stores data in the database named by the configuration.
	GORM Persistence = iota
	// Memory keeps data in process memory, for tests.
	Memory
)

// String names the persistence.
func (p Persistence) String() string {
	if p == Memory {
		return "memory"
	}
	return "gorm"
}

const (
	// startTimeout covers opening and migrating the database on start.
	startTimeout = time.Minute
	// stopMargin is added to the shutdown grace so that the hooks after the
	// server's (background loops, the database) still get time to stop.
	stopMargin = 10 * time.Second
)

// Options returns the whole application graph for cfg on the given
// persistence.
func Options(cfg config.Config, persistence Persistence) fx.Option {
	store := gormModule()
	if persistence == Memory {
		store = memoryModule()
	}
	return fx.Options(
		fx.Supply(cfg),
		fx.StartTimeout(startTimeout),
		fx.StopTimeout(cfg.ShutdownGrace+stopMargin),
		loggingModule(),
		store,
		securityModule(),
		applicationModule(),
		eventsModule(),
		rateLimitModule(),
		metricsModule(),
		httpModule(),
	)
}
