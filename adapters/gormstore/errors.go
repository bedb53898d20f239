package gormstore

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"net"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"
	"gorm.io/gorm"

	"github.com/parley-chat/parley/domain"
)

// SQLite primary result codes that mean "another connection holds the lock".
const (
	sqliteBusy   = 5
	sqliteLocked = 6
)

// translate maps a database failure of operation op to the domain's error
// kinds, keeping the original error in the chain for logs.
func translate(op string, err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, gorm.ErrRecordNotFound):
		return fmt.Errorf("%s: %w", op, domain.ErrNotFound)
	case errors.Is(err, gorm.ErrDuplicatedKey):
		return fmt.Errorf("%s: %w: %w", op, domain.ErrConflict, err)
	case errors.Is(err, gorm.ErrForeignKeyViolated):
		return fmt.Errorf("%s: referenced row missing: %w: %w", op, domain.ErrNotFound, err)
	case isUnavailable(err):
		return unavailable(op, err)
	default:
		return fmt.Errorf("%s: %w", op, err)
	}
}

func unavailable(op string, err error) error {
	return fmt.Errorf("%s: %w: %w", op, domain.ErrUnavailable, err)
}

// isUnavailable reports failures that say nothing about the request itself:
// timeouts, lost or refused connections, a server shutting down or cancelling
// the statement, too many connections, a SQLite file locked by another writer
// for longer than the busy timeout.
func isUnavailable(err error) bool {
	if errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled) ||
		errors.Is(err, driver.ErrBadConn) || errors.Is(err, sql.ErrConnDone) || pgconn.Timeout(err) {
		return true
	}
	var netErr net.Error
	var connectErr *pgconn.ConnectError
	if errors.As(err, &netErr) || errors.As(err, &connectErr) {
		return true
	}
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		return strings.HasPrefix(pgErr.Code, "08") || strings.HasPrefix(pgErr.Code, "57P") ||
			pgErr.Code == "57014" || pgErr.Code == "53300"
	}
	var coded interface{ Code() int }
	if errors.As(err, &coded) {
		code := coded.Code() & 0xff
		return code == sqliteBusy || code == sqliteLocked
	}
	return strings.Contains(err.Error(), "database is locked")
}
