package gormstore

import (
	"database/sql/driver"
	"fmt"
	"time"

	"github.com/parley-chat/parley/domain"
)

// timeLayout is how timestamps are stored as text on SQLite: fixed width and
// always UTC, so that string order is time order. PostgreSQL parses the same
// text into timestamptz.
const timeLayout = "2006-01-02T15:04:05.000000Z"

// dbTime is a timestamp column on either dialect. It writes the fixed-width
// text form and reads both a driver time (PostgreSQL) and that text (SQLite).
type dbTime struct {
	time.Time
}

func at(t time.Time) dbTime { return dbTime{Time: domain.Timestamp(t)} }

// Value implements driver.Valuer.
func (t dbTime) Value() (driver.Value, error) {
	return t.UTC().Format(timeLayout), nil
}

// Scan implements sql.Scanner.
func (t *dbTime) Scan(src any) error {
	switch v := src.(type) {
	case time.Time:
		t.Time = domain.Timestamp(v)
		return nil
	case string:
		return t.parse(v)
	case []byte:
		return t.parse(string(v))
	default:
		return fmt.Errorf("scan timestamp: unsupported type %T", src)
	}
}

func (t *dbTime) parse(s string) error {
	p, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return fmt.Errorf("scan timestamp: %w", err)
	}
	t.Time = domain.Timestamp(p)
	return nil
}

// arg converts a filter or keyset value into a statement argument.
func arg(v any) any {
	if t, ok := v.(time.Time); ok {
		return at(t)
	}
	return v
}
