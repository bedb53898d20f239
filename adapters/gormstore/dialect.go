package gormstore

import (
	"database/sql"
	"errors"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/glebarez/sqlite"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"
)

// sqliteBusyTimeout is how long a SQLite writer waits for the write lock
// before giving up with "database is locked".
const sqliteBusyTimeout = 10 * time.Second

// Pool defaults per dialect.
const (
	postgresMaxOpenConns    = 20
	postgresConnMaxLifetime = 30 * time.Minute
	sqliteMaxOpenConns      = 8
)

// target is a parsed database URL.
type target struct {
	dialect string
	dsn     string
	path    string
}

func parseURL(raw string) (target, error) {
	switch {
	case strings.HasPrefix(raw, "sqlite:"):
		path := strings.TrimPrefix(strings.TrimPrefix(raw, "sqlite:"), "//")
		if path == "" {
			return target{}, errors.New("sqlite url names no file")
		}
		return target{dialect: DialectSQLite, dsn: sqliteDSN(path), path: path}, nil
	case strings.HasPrefix(raw, "postgres://"), strings.HasPrefix(raw, "postgresql://"):
		if _, err := url.Parse(raw); err != nil {
			return target{}, errors.New("malformed postgres url")
		}
		return target{dialect: DialectPostgres, dsn: raw}, nil
	default:
		return target{}, errors.New("unsupported database url scheme (want sqlite: or postgres://)")
	}
}

// sqliteDSN asks for WAL (readers never wait for the writer), a busy timeout
// and immediate transactions (writers queue for the lock at BEGIN instead of
// failing when they upgrade a read lock), enforced foreign keys and the
// durability level WAL recommends.
func sqliteDSN(path string) string {
	q := url.Values{}
	q.Add("_pragma", "busy_timeout("+strconv.Itoa(int(sqliteBusyTimeout/time.Millisecond))+")")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "synchronous(NORMAL)")
	q.Set("_txlock", "immediate")
	return path + "?" + q.Encode()
}

func (t target) dialector() gorm.Dialector {
	if t.dialect == DialectPostgres {
		return postgres.New(postgres.Config{DSN: t.dsn})
	}
	return sqlite.Open(t.dsn)
}

func (t target) configurePool(db *sql.DB, opts Options) {
	maxOpen, lifetime := opts.MaxOpenConns, opts.ConnMaxLifetime
	switch {
	case t.dialect == DialectPostgres:
		maxOpen = orDefault(maxOpen, postgresMaxOpenConns)
		lifetime = orDefaultDuration(lifetime, postgresConnMaxLifetime)
	case t.path == ":memory:":
		// Every connection to ":memory:" is a database of its own.
		maxOpen = 1
	default:
		maxOpen = orDefault(maxOpen, sqliteMaxOpenConns)
	}
	db.SetMaxOpenConns(maxOpen)
	db.SetMaxIdleConns(min(orDefault(opts.MaxIdleConns, maxOpen), maxOpen))
	db.SetConnMaxLifetime(lifetime)
}

func orDefault(v, def int) int {
	if v <= 0 {
		return def
	}
	return v
}

func orDefaultDuration(v, def time.Duration) time.Duration {
	if v <= 0 {
		return def
	}
	return v
}
