package gormstore

import (
	"context"

	"github.com/jackc/pgx/v5"
)

// withGenericPlan runs sql on its generic plan and hands its rows to read.
// The setting, the statement and the reset go to PostgreSQL as one batch, one
// round trip and one implicit transaction: if the statement fails, the
// aborted transaction rolls the setting back too, so the connection goes
// back to the pool as it came.
func withGenericPlan(ctx context.Context, conn *pgx.Conn, sql string, args []any, read func(pgx.Rows) error) error {
	b := &pgx.Batch{}
	b.Queue("SET plan_cache_mode = force_generic_plan")
	b.Queue(sql, args...)
	b.Queue("RESET plan_cache_mode")
	br := conn.SendBatch(ctx, b)
	if _, err := br.Exec(); err != nil {
		_ = br.Close()
		return err
	}
	rows, err := br.Query()
	if err != nil {
		_ = br.Close()
		return err
	}
	err = read(rows)
	rows.Close()
	if err == nil {
		err = rows.Err()
	}
	if err != nil {
		_ = br.Close()
		return err
	}
	if _, err := br.Exec(); err != nil {
		_ = br.Close()
		return err
	}
	return br.Close()
}
