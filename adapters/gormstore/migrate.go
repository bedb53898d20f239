package gormstore

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"sync"

	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/lock"
)

//go:embed migrations/postgres/*.sql migrations/sqlite/*.sql
var migrations embed.FS

// migrationLockID is the PostgreSQL advisory lock key that serialises
// replicas migrating the same database ("parley" in ASCII).
const migrationLockID int64 = 0x7061726c6579

// sqliteMigrations serialises migrations of one SQLite file inside this
// process: SQLite has no advisory lock, and one file is served by one host.
var sqliteMigrations sync.Map

// Migrate applies the pending migrations of s's dialect. Replicas starting
// at once are safe: on PostgreSQL they queue on an advisory lock, on SQLite
// on a per-file lock; whoever comes second finds nothing left to do.
// Migrations run under the caller's ctx, not the per-query timeout, since
// waiting for another replica's migration may take a while.
func Migrate(ctx context.Context, s *Store) error {
	provider, err := s.migrationProvider()
	if err != nil {
		return fmt.Errorf("prepare migrations: %w", err)
	}
	if s.dialect == DialectSQLite {
		mu := s.sqliteMigrationLock()
		mu.Lock()
		defer mu.Unlock()
	}
	if _, err := provider.Up(ctx); err != nil {
		// Another process may have applied the same migrations first; what
		// matters is that none is left pending.
		if pending, perr := provider.HasPending(ctx); perr == nil && !pending {
			return nil
		}
		return translate("apply migrations", err)
	}
	return nil
}

// ErrMigrationsPending is returned by CheckMigrated when the database lacks
// migrations that this build needs.
var ErrMigrationsPending = errors.New("the database has pending migrations")

// CheckMigrated returns ErrMigrationsPending when any migration of this
// build is not applied yet, as on a database never migrated. It applies
// nothing and takes no lock; a database migrated further by a newer build
// passes.
func CheckMigrated(ctx context.Context, s *Store) error {
	// goose cannot list the migrations of a database without its table.
	bounded, cancel := s.bound(ctx)
	defer cancel()
	if !s.conn(bounded).Migrator().HasTable(goose.DefaultTablename) {
		return ErrMigrationsPending
	}
	provider, err := s.migrationProvider()
	if err != nil {
		return fmt.Errorf("prepare migrations: %w", err)
	}
	pending, err := provider.HasPending(ctx)
	if err != nil {
		return translate("list applied migrations", err)
	}
	if pending {
		return ErrMigrationsPending
	}
	return nil
}

func (s *Store) migrationProvider() (*goose.Provider, error) {
	dir, dialect := "migrations/sqlite", goose.DialectSQLite3
	var opts []goose.ProviderOption
	if s.isPostgres() {
		dir, dialect = "migrations/postgres", goose.DialectPostgres
		locker, err := lock.NewPostgresSessionLocker(lock.WithLockID(migrationLockID), lock.WithLockTimeout(1, 600))
		if err != nil {
			return nil, fmt.Errorf("create migration lock: %w", err)
		}
		opts = append(opts, goose.WithSessionLocker(locker))
	}
	fsys, err := fs.Sub(migrations, dir)
	if err != nil {
		return nil, fmt.Errorf("open embedded migrations: %w", err)
	}
	opts = append(opts, goose.WithDisableGlobalRegistry(true))
	p, err := goose.NewProvider(dialect, s.sqlDB, fsys, opts...)
	if err != nil {
		return nil, fmt.Errorf("create migration provider: %w", err)
	}
	return p, nil
}

func (s *Store) sqliteMigrationLock() *sync.Mutex {
	key := s.path
	if abs, err := filepath.Abs(s.path); err == nil {
		key = abs
	}
	mu, _ := sqliteMigrations.LoadOrStore(key, &sync.Mutex{})
	return mu.(*sync.Mutex)
}
