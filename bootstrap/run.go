package bootstrap

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"go.uber.org/dig"
	"go.uber.org/fx"

	"github.com/parley-chat/parley/adapters/gormstore"
	"github.com/parley-chat/parley/config"
)

// Run builds the graph on the configured database, starts it and serves until
// SIGINT or SIGTERM, then stops gracefully. It returns an error when the
// graph cannot be built or started, or when stopping fails.
func Run(cfg config.Config) error {
	app := fx.New(Options(cfg, GORM))
	if err := app.Err(); err != nil {
		// The full chain names every constructor on the way; the operator
		// needs the failure at its end, which names the variable to change.
		return dig.RootCause(err)
	}
	// Signals are caught before the start: fx installs its own handler only
	// when asked to wait, and a SIGTERM arriving once the listener is up but
	// before then would kill the process without a graceful stop.
	signals := make(chan os.Signal, 1)
	signal.Notify(signals, os.Interrupt, syscall.SIGTERM)
	defer signal.Stop(signals)
	startCtx, cancelStart := context.WithTimeout(context.Background(), app.StartTimeout())
	defer cancelStart()
	if err := app.Start(startCtx); err != nil {
		// A hook's error is returned as the hook made it: it names its
		// variable already.
		return err
	}
	var reason os.Signal
	select {
	case reason = <-signals:
	case sig := <-app.Wait():
		reason = sig.Signal
	}
	stopCtx, cancelStop := context.WithTimeout(context.Background(), app.StopTimeout())
	defer cancelStop()
	if err := app.Stop(stopCtx); err != nil {
		return fmt.Errorf("stop after %s: %w", reason, err)
	}
	return nil
}

// Migrate opens the configured database, applies pending migrations and
// closes it again.
func Migrate(ctx context.Context, cfg config.Config) (err error) {
	logger, err := NewLogger(cfg)
	if err != nil {
		return err
	}
	defer func() { _ = logger.Sync() }()
	store, err := gormstore.Open(ctx, storeOptions(cfg, logger))
	if err != nil {
		return blame(databaseURLVariable, fmt.Errorf("open database: %w", err))
	}
	defer func() { err = errors.Join(err, store.Close()) }()
	if err := gormstore.Migrate(ctx, store); err != nil {
		return fmt.Errorf("migrate database: %w", err)
	}
	logger.Info("migrations applied")
	return nil
}
