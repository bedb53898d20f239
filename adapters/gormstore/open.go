// Package gormstore implements Parley's repository and read-model ports with
// GORM on SQLite (the embedded default) and PostgreSQL (production).
package gormstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"go.uber.org/zap"
	"gorm.io/gorm"

	"github.com/parley-chat/parley/domain"
)

// Dialect names returned by Store.Dialect.
const (
	DialectSQLite   = "sqlite"
	DialectPostgres = "postgres"
)

// Defaults of Options, the one place these values are defined.
const (
	// DefaultQueryTimeout bounds every database call unless
	// Options.QueryTimeout says otherwise.
	DefaultQueryTimeout = 5 * time.Second
	// DefaultSlowQueryThreshold is the duration above which statements are
	// logged at warn unless Options.SlowQueryThreshold says otherwise.
	DefaultSlowQueryThreshold = 200 * time.Millisecond
)

// Options configures Open.
type Options struct {
	// URL is "sqlite:<path>" (the file is created when absent) or a
	// "postgres://" or "postgresql://" URL.
	URL string
	// MaxOpenConns bounds the pool; 0 picks a default per dialect.
	MaxOpenConns int
	// MaxIdleConns bounds idle connections; 0 keeps as many as MaxOpenConns.
	MaxIdleConns int
	// ConnMaxLifetime recycles connections; 0 picks a default per dialect.
	ConnMaxLifetime time.Duration
	// QueryTimeout bounds every database call; 0 means
	// DefaultQueryTimeout.
	QueryTimeout time.Duration
	// SlowQueryThreshold is the duration above which statements are logged
	// at warn; 0 means DefaultSlowQueryThreshold.
	SlowQueryThreshold time.Duration
	// Logger receives database warnings; nil discards them.
	Logger *zap.Logger
	// OnStatement, when set, is called once per SQL statement executed, with
	// its text (placeholders, never values).
	OnStatement func(sql string)
}

// Store is an open database: the pool that every repository of this package
// shares.
type Store struct {
	db      *gorm.DB
	sqlDB   *sql.DB
	log     *gormLogger
	dialect string
	path    string
	timeout time.Duration
	// writeGate queues this process's SQLite transactions (write_gate.go).
	writeGate chan struct{}
	// eventHook is told the recipients of each committed event (event_outbox.go).
	eventHook func(recipients []domain.ID)
}

// Open connects to the database named by opts.URL, configures the pool and
// checks that the database answers. An unreachable database is
// domain.ErrUnavailable.
func Open(ctx context.Context, opts Options) (*Store, error) {
	target, err := parseURL(opts.URL)
	if err != nil {
		return nil, err
	}
	if err := target.checkDirectory(); err != nil {
		return nil, err
	}
	if opts.QueryTimeout <= 0 {
		opts.QueryTimeout = DefaultQueryTimeout
	}
	if opts.SlowQueryThreshold <= 0 {
		opts.SlowQueryThreshold = DefaultSlowQueryThreshold
	}
	if opts.Logger == nil {
		opts.Logger = zap.NewNop()
	}
	log := newGormLogger(opts.Logger, opts.SlowQueryThreshold, opts.OnStatement)
	db, err := gorm.Open(target.dialector(), &gorm.Config{
		TranslateError:         true,
		SkipDefaultTransaction: true,
		DisableAutomaticPing:   true,
		Logger:                 log,
	})
	if err != nil {
		return nil, fmt.Errorf("open %s database: %w", target.dialect, err)
	}
	sqlDB, err := db.DB()
	if err != nil {
		return nil, fmt.Errorf("open %s database: %w", target.dialect, err)
	}
	target.configurePool(sqlDB, opts)
	s := &Store{db: db, sqlDB: sqlDB, log: log, dialect: target.dialect, path: target.path, timeout: opts.QueryTimeout,
		writeGate: newWriteGate(target.dialect)}
	if err := s.Ping(ctx); err != nil {
		return nil, errors.Join(err, sqlDB.Close())
	}
	return s, nil
}

// checkDirectory refuses a SQLite file in a directory that does not exist:
// SQLite creates the file but not its directory, and says only "out of
// memory" when it cannot.
func (t target) checkDirectory() error {
	if t.dialect != DialectSQLite || t.path == ":memory:" || strings.HasPrefix(t.path, "file:") {
		return nil
	}
	dir := filepath.Dir(t.path)
	info, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("open sqlite database %s: directory %s does not exist", t.path, dir)
	case err != nil:
		return fmt.Errorf("open sqlite database %s: %w", t.path, err)
	case !info.IsDir():
		return fmt.Errorf("open sqlite database %s: %s is not a directory", t.path, dir)
	}
	return nil
}

// Close closes the pool.
func (s *Store) Close() error { return s.sqlDB.Close() }

// Ping checks that the database answers within the query timeout; any
// failure is domain.ErrUnavailable.
func (s *Store) Ping(ctx context.Context) error {
	ctx, cancel := s.bound(ctx)
	defer cancel()
	if err := s.sqlDB.PingContext(ctx); err != nil {
		return unavailable("ping database", err)
	}
	return nil
}

// Dialect returns "sqlite" or "postgres".
func (s *Store) Dialect() string { return s.dialect }

// DB returns the underlying GORM handle.
func (s *Store) DB() *gorm.DB { return s.db }

// Stats returns the pool figures, for metrics.
func (s *Store) Stats() sql.DBStats { return s.sqlDB.Stats() }

// bound derives the context of one database call: the caller's, cut off
// after the query timeout.
func (s *Store) bound(ctx context.Context) (context.Context, context.CancelFunc) {
	return context.WithTimeout(ctx, s.timeout)
}

// conn returns a GORM session bound to ctx.
func (s *Store) conn(ctx context.Context) *gorm.DB { return s.db.WithContext(ctx) }

func (s *Store) isPostgres() bool { return s.dialect == DialectPostgres }
