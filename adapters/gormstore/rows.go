package gormstore

import (
	"strings"

	"github.com/google/uuid"
	"gorm.io/gorm"

	"github.com/parley-chat/parley/domain"
)

// Rows are read and written with explicit column lists: the same list builds
// the SELECT or INSERT and the matching scan destinations or values, so a
// joined statement can read several tables' rows side by side.

// columns renders names qualified with alias: "u.id, u.name".
func columns(alias string, names []string) string {
	qualified := make([]string, len(names))
	for i, n := range names {
		qualified[i] = alias + "." + n
	}
	return strings.Join(qualified, ", ")
}

// insert writes one row.
func insert(db *gorm.DB, table string, names []string, values []any) error {
	marks := strings.TrimSuffix(strings.Repeat("?, ", len(names)), ", ")
	return db.Exec("INSERT INTO "+table+" ("+strings.Join(names, ", ")+") VALUES ("+marks+")", values...).Error
}

// queryRows runs a statement and scans every row into a T through dest.
func queryRows[T any](db *gorm.DB, sql string, args []any, dest func(*T) []any) ([]T, error) {
	rows, err := db.Raw(sql, args...).Rows()
	if err != nil {
		return nil, err
	}
	defer func() { _ = rows.Close() }()
	var out []T
	for rows.Next() {
		var item T
		if err := rows.Scan(dest(&item)...); err != nil {
			return nil, err
		}
		out = append(out, item)
	}
	return out, rows.Err()
}

// queryOne is queryRows for a statement that finds at most one row;
// no row is gorm.ErrRecordNotFound.
func queryOne[T any](db *gorm.DB, sql string, args []any, dest func(*T) []any) (T, error) {
	items, err := queryRows(db, sql, args, dest)
	if err != nil {
		var zero T
		return zero, err
	}
	if len(items) == 0 {
		var zero T
		return zero, gorm.ErrRecordNotFound
	}
	return items[0], nil
}

func nullID(id *domain.ID) uuid.NullUUID {
	if id == nil {
		return uuid.NullUUID{}
	}
	return uuid.NullUUID{UUID: *id, Valid: true}
}

func idPtr(n uuid.NullUUID) *domain.ID {
	if !n.Valid {
		return nil
	}
	id := n.UUID
	return &id
}
