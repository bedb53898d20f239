package bootstrap_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"go.uber.org/fx"

	"github.com/parley-chat/parley/adapters/gormstore"
	"github.com/parley-chat/parley/bootstrap"
	"github.com/parley-chat/parley/test/testenv"
)

// TestServingWithoutMigratingChecksTheSchema starts with
// PARLEY_MIGRATE_ON_START=false on a fresh database of each dialect: the
// start is refused until `parley migrate` has run, then it serves.
func TestServingWithoutMigratingChecksTheSchema(t *testing.T) {
	dialects := map[string]func(t *testing.T) string{
		"sqlite":   func(t *testing.T) string { return "sqlite:" + filepath.Join(t.TempDir(), "parley.db") },
		"postgres": func(t *testing.T) string { return testenv.FreshPostgres(t, "bootstrap") },
	}
	for name, fresh := range dialects {
		t.Run(name, func(t *testing.T) {
			cfg := testConfig(t)
			cfg.DatabaseURL = fresh(t)
			cfg.MigrateOnStart = false
			ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			defer cancel()

			app := fx.New(bootstrap.Options(cfg, bootstrap.GORM), fx.NopLogger)
			require.NoError(t, app.Err())
			require.ErrorIs(t, app.Start(ctx), gormstore.ErrMigrationsPending)

			require.NoError(t, bootstrap.Migrate(ctx, cfg))
			base := start(t, cfg, bootstrap.GORM)
			signUp(t, base, "ada@"+name+".migrated.test")

			// A database one migration behind this build is refused too.
			forgetLatestMigration(t, ctx, cfg.DatabaseURL)
			app = fx.New(bootstrap.Options(cfg, bootstrap.GORM), fx.NopLogger)
			require.NoError(t, app.Err())
			require.ErrorIs(t, app.Start(ctx), gormstore.ErrMigrationsPending)
		})
	}
}

// forgetLatestMigration removes the newest row of goose's version table, as
// if a newer build had added a migration this database has not had.
func forgetLatestMigration(t *testing.T, ctx context.Context, url string) {
	t.Helper()
	store, err := gormstore.Open(ctx, gormstore.Options{URL: url})
	require.NoError(t, err)
	defer func() { require.NoError(t, store.Close()) }()
	res := store.DB().WithContext(ctx).Exec(
		"DELETE FROM goose_db_version WHERE version_id = (SELECT MAX(version_id) FROM goose_db_version)")
	require.NoError(t, res.Error)
	require.EqualValues(t, 1, res.RowsAffected)
}
