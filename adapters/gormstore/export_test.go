package gormstore

import (
	"context"

	"github.com/jackc/pgx/v5/pgconn"
)

// RunOnGenericPlan runs sql on PostgreSQL through the fast path on its
// generic plan, as the inbox list runs, and returns each row's first column
// as text. It lets tests drive a statement that fails after the batch has
// reached the server.
func RunOnGenericPlan(ctx context.Context, s *Store, sql string, args ...any) ([]string, error) {
	var out []string
	err := s.rawRows(ctx, sql, args, planGeneric, func(_ []pgconn.FieldDescription, vals [][]byte) error {
		out = append(out, string(vals[0]))
		return nil
	})
	return out, err
}
