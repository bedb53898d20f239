package gormstore

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgtype"
	"github.com/jackc/pgx/v5/stdlib"

	"github.com/parley-chat/parley/domain"
)

// Fast path (the fastpath_*.go files): the direct conversation list, search
// and views on PostgreSQL do not go through GORM's scanning. They borrow a
// connection from GORM's pool and read the rows through pgx's native
// interface, decoding the binary column values themselves, by column name
// (fastpath_decoder.go). Scanning through database/sql boxes every value in
// an interface and turns every UUID into a string first: about 70
// allocations per conversation row, and the list went from 2,161 to 733
// allocations per page of 20 when it stopped (docs/BENCHMARKS.md, "What
// changed, and what it bought"). Statements still go through the same pool,
// timeout, logger and statement hook, and still are one per page. SQLite and
// every other read use GORM.

var errNotBinary = errors.New("column not in binary format")

// planMode says how PostgreSQL plans a raw statement.
type planMode int

const (
	// planCached prepares the statement once per connection and leaves the
	// choice between custom and generic plans to PostgreSQL.
	planCached planMode = iota
	// planCustom plans the statement for its actual arguments every time:
	// for searches, where the generic plan can walk a whole inbox.
	planCustom
	// planGeneric prepares the statement once per connection and always runs
	// its generic plan. PostgreSQL's own choice kept planning the inbox list
	// for every request (its custom plans look cheaper than the generic one),
	// about 0.8 ms of its CPU per page against 0.25 ms of execution.
	planGeneric
)

// rawRows runs sql (with ? placeholders) on PostgreSQL and calls row with
// the result's column descriptions and each row's raw binary values, both
// valid only during the call, planned as mode says.
func (s *Store) rawRows(ctx context.Context, sql string, args []any, mode planMode, row func(fields []pgconn.FieldDescription, vals [][]byte) error) error {
	sql = numbered(sql)
	begin := time.Now()
	conn, err := s.sqlDB.Conn(ctx)
	if err != nil {
		s.log.Trace(ctx, begin, func() (string, int64) { return sql, 0 }, err)
		return err
	}
	defer func() { _ = conn.Close() }()
	var n int64
	err = conn.Raw(func(dc any) error {
		sc, ok := dc.(*stdlib.Conn)
		if !ok {
			return fmt.Errorf("unexpected driver connection %T", dc)
		}
		if mode == planGeneric {
			return withGenericPlan(ctx, sc.Conn(), sql, nativeArgs(args, false), func(rows pgx.Rows) error {
				return readRaw(rows, &n, row)
			})
		}
		rows, err := sc.Conn().Query(ctx, sql, nativeArgs(args, mode == planCustom)...)
		if err != nil {
			return err
		}
		defer rows.Close()
		return readRaw(rows, &n, row)
	})
	s.log.Trace(ctx, begin, func() (string, int64) { return sql, n }, err)
	return err
}

// readRaw passes each row's columns and raw values to row, counting them in
// n.
func readRaw(rows pgx.Rows, n *int64, row func(fields []pgconn.FieldDescription, vals [][]byte) error) error {
	fields := rows.FieldDescriptions()
	for rows.Next() {
		if *n == 0 {
			for _, fd := range fields {
				// Text reads the same in either format.
				if fd.Format != pgx.BinaryFormatCode && fd.DataTypeOID != pgtype.TextOID && fd.DataTypeOID != pgtype.VarcharOID {
					return fmt.Errorf("%s: %w", fd.Name, errNotBinary)
				}
			}
		}
		*n++
		if err := row(fields, rows.RawValues()); err != nil {
			return err
		}
	}
	return rows.Err()
}

// nativeArgs hands ids and times to pgx in forms it encodes in binary
// directly, rather than through driver.Valuer and text. For a custom plan it
// asks pgx for an unnamed statement, which PostgreSQL plans with the bound
// values.
func nativeArgs(args []any, customPlan bool) []any {
	out := make([]any, 0, len(args)+1)
	if customPlan {
		out = append(out, pgx.QueryExecModeDescribeExec)
	}
	for _, a := range args {
		switch v := a.(type) {
		case domain.ID:
			out = append(out, pgtype.UUID{Bytes: v, Valid: true})
		case dbTime:
			out = append(out, v.Time)
		default:
			out = append(out, a)
		}
	}
	return out
}

// numbered rewrites ? placeholders as $1, $2, ...; the statements built here
// hold no question mark inside a literal.
func numbered(sql string) string {
	if !strings.Contains(sql, "?") {
		return sql
	}
	var b strings.Builder
	b.Grow(len(sql) + 16)
	n := 0
	for i := 0; i < len(sql); i++ {
		if sql[i] == '?' {
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			continue
		}
		b.WriteByte(sql[i])
	}
	return b.String()
}
