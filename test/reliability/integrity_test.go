package reliability_test

import (
	"context"
	"database/sql"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	// The pgx stdlib driver runs the tests' own queries.
	_ "github.com/jackc/pgx/v5/stdlib"
)

// openSQL opens a plain connection pool to dbURL for the tests' own checks.
func openSQL(t *testing.T, dbURL string) *sql.DB {
	t.Helper()
	db, err := sql.Open("pgx", dbURL)
	require.NoError(t, err)
	t.Cleanup(func() { _ = db.Close() })
	return db
}

// wholeAggregateChecks each count rows that a half-written aggregate would
// leave behind; every count must be zero.
var wholeAggregateChecks = []struct{ name, sql string }{
	{"chat_without_conversation", `SELECT count(*) FROM chats c
		WHERE c.context_type = 'direct_conversation'
		AND NOT EXISTS (SELECT 1 FROM direct_conversations d WHERE d.id = c.context_id)`},
	{"conversation_without_exactly_one_chat", `SELECT count(*) FROM direct_conversations d
		WHERE (SELECT count(*) FROM chats c WHERE c.context_type = 'direct_conversation' AND c.context_id = d.id) <> 1`},
	{"chat_without_both_memberships", `SELECT count(*) FROM direct_conversations d JOIN chats c
		ON c.context_type = 'direct_conversation' AND c.context_id = d.id
		WHERE (SELECT count(*) FROM chat_memberships m WHERE m.chat_id = c.id) <> 2
		OR (SELECT count(*) FROM chat_memberships m WHERE m.chat_id = c.id
			AND m.user_id IN (d.first_user_id, d.second_user_id)) <> 2`},
	{"latest_message_missing", `SELECT count(*) FROM chats c
		WHERE c.latest_message_id IS NOT NULL
		AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.id = c.latest_message_id AND m.chat_id = c.id)`},
	{"messages_without_latest", `SELECT count(*) FROM chats c
		WHERE c.latest_message_id IS NULL AND EXISTS (SELECT 1 FROM messages m WHERE m.chat_id = c.id)`},
}

// requireWholeAggregates checks that every direct conversation was written
// whole (its chat and both memberships, or none of them), and that every
// chat's latest message exists.
func requireWholeAggregates(t *testing.T, db *sql.DB) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	for _, check := range wholeAggregateChecks {
		var n int
		require.NoError(t, db.QueryRowContext(ctx, check.sql).Scan(&n), check.name)
		require.Zero(t, n, "%s: %d rows", check.name, n)
	}
}

// requireAllPresent checks that every id is a row of table.
func requireAllPresent(t *testing.T, db *sql.DB, table string, ids []string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	rows, err := db.QueryContext(ctx, "SELECT id::text FROM "+table)
	require.NoError(t, err)
	defer func() { _ = rows.Close() }()
	stored := map[string]bool{}
	for rows.Next() {
		var id string
		require.NoError(t, rows.Scan(&id))
		stored[id] = true
	}
	require.NoError(t, rows.Err())
	var missing []string
	for _, id := range ids {
		if !stored[id] {
			missing = append(missing, id)
		}
	}
	require.Empty(t, missing, "%d of %d ids answered 201 are not in %s", len(missing), len(ids), table)
}
