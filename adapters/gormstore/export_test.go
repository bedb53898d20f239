package gormstore

import (
	"context"
	"slices"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/parley-chat/parley/application"
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

// ViewSelectReversed is the direct conversation view statement with its
// columns in reverse order, or without the last one when short is set.
func ViewSelectReversed(short bool) string {
	cols := allViewColumns()
	slices.Reverse(cols)
	if short {
		cols = cols[1:]
	}
	return "SELECT " + viewSelect(cols) + conversationViewFrom
}

// QueryViewsFast decodes the views sql answers through the PostgreSQL
// fast path.
func QueryViewsFast(ctx context.Context, s *Store, sql string, args ...any) ([]application.DirectConversationView, error) {
	return NewDirectConversationReads(s).queryPostgres(ctx, sql, args, 1, planCached)
}
