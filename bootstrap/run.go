package bootstrap

import (
	"context"
	"errors"
	"fmt"

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
	startCtx, cancelStart := context.WithTimeout(context.Background(), app.StartTimeout())
	defer cancelStart()
	if err := app.Start(startCtx); err != nil {
		// A hook's error is returned as the hook made it: it names its
		// variable already.
		return err
	}
	sig := <-app.Wait()
	stopCtx, cancelStop := context.WithTimeout(context.Background(), app.StopTimeout())
	defer cancelStop()
	if err := app.Stop(stopCtx); err != nil {
		return fmt.Errorf("stop after %s: %w", sig.Signal, err)
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
