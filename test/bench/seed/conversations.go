package main

import (
	"context"
	"fmt"
	"strconv"
	"strings"
)

// Heavy users talk to a random permutation of their account, so their
// fan-out is exact; everyone else draws peers at random, and the rare
// duplicate pair is dropped. Creation times spread over 400 days; the
// planned activity (the last message's time, messages.go) is skewed towards
// now (the cube of a uniform draw).
const pairsSQL = `
CREATE UNLOGGED TABLE bench_seed_pairs AS
WITH picks AS MATERIALIZED (
    SELECT u.account_id, u.id AS a, (u.local + 1 + floor(random() * (%[1]d - 1))::int) %% %[1]d AS peer_local
    FROM bench_seed_users u CROSS JOIN LATERAL generate_series(1, u.out_degree) g
    WHERE u.class <> 'heavy'
), heavy AS (
    SELECT u.account_id, u.id AS a, p.id AS b
    FROM bench_seed_users u CROSS JOIN LATERAL (
        SELECT p.id FROM bench_seed_users p
        WHERE p.account_id = u.account_id AND p.id <> u.id
        ORDER BY random() LIMIT u.out_degree) p
    WHERE u.class = 'heavy'
), all_picks AS (
    SELECT k.account_id, k.a, p.id AS b
    FROM picks k JOIN bench_seed_users p ON p.account_id = k.account_id AND p.local = k.peer_local
    UNION ALL
    SELECT account_id, a, b FROM heavy
)
SELECT DISTINCT ON (account_id, least(a, b), greatest(a, b))
    account_id, a AS first_id, b AS second_id,
    date_trunc('milliseconds', now() - interval '400 days' * random()) AS created
FROM all_picks`

// A UUIDv7-shaped id from a timestamp, so ids are time-ordered like the
// service's own.
const uuid7 = `(lpad(to_hex((extract(epoch FROM created) * 1000)::bigint), 12, '0') || '7' ||
    substr(replace(gen_random_uuid()::text, '-', ''), 14))::uuid`

var convsSQL = `
CREATE UNLOGGED TABLE bench_seed_convs AS
SELECT account_id, first_id, second_id, least(first_id, second_id) AS lo, greatest(first_id, second_id) AS hi,
    ` + uuid7 + ` AS conv_id, ` + uuid7 + ` AS chat_id, ` + uuid7 + ` AS m1, ` + uuid7 + ` AS m2,
    created, date_trunc('milliseconds', now() - (now() - created) * power(random(), 3)) AS activity
FROM bench_seed_pairs`

// insertSQL writes the conversations, chats and memberships. A chat's
// activity is its latest message's time (a post moves it), or its creation
// when nobody wrote in it; each membership carries the chat's activity, the
// member's unread count and, through chat_bookmarks, the bookmark.
var insertSQL = []string{
	`INSERT INTO direct_conversations (id, account_id, first_user_id, second_user_id, user_low_id, user_high_id, created_at, updated_at)
	 SELECT conv_id, account_id, first_id, second_id, lo, hi, created, created FROM bench_seed_convs`,
	`INSERT INTO chats (id, account_id, context_type, context_id, latest_message_id, created_at, updated_at)
	 SELECT c.chat_id, c.account_id, 'direct_conversation', c.conv_id, l.latest_id, c.created, COALESCE(l.latest_at, c.created)
	 FROM bench_seed_convs c LEFT JOIN bench_seed_latest l USING (chat_id)`,
	`INSERT INTO chat_memberships (id, chat_id, user_id, role_ids, created_at, direct_conversation_id, peer_user_id, chat_updated_at, unread_count)
	 SELECT x.id, c.chat_id, x.user_id, 'messages.read messages.create', c.created, c.conv_id, x.peer_id,
	     COALESCE(l.latest_at, c.created), COALESCE(k.unread, 0)
	 FROM bench_seed_convs c LEFT JOIN bench_seed_latest l USING (chat_id)
	 CROSS JOIN LATERAL (VALUES (c.m1, c.first_id, c.second_id), (c.m2, c.second_id, c.first_id)) x(id, user_id, peer_id)
	 LEFT JOIN bench_seed_marks k ON k.chat_id = c.chat_id AND k.user_id = x.user_id`,
}

// loadConversations writes every conversation, chat, membership, message
// and bookmark with server-side INSERT … SELECT. Foreign-key triggers are off for the session
// (the rows are consistent by construction) and the plain indexes are built
// after the load rather than maintained row by row.
func (db *database) loadConversations(ctx context.Context, p *plan) error {
	indexes, err := db.plainIndexes(ctx)
	if err != nil {
		return err
	}
	stmts := []string{
		"SET maintenance_work_mem = '512MB'",
		"SET work_mem = '256MB'",
		"SET session_replication_role = replica",
		fmt.Sprintf(pairsSQL, p.perAccount),
		convsSQL,
	}
	stmts = append(stmts, messageSQL...)
	for name := range indexes {
		stmts = append(stmts, "DROP INDEX "+name)
	}
	stmts = append(stmts, insertSQL...)
	stmts = append(stmts, messageInsertSQL...)
	for _, def := range indexes {
		stmts = append(stmts, def)
	}
	stmts = append(stmts, "SET session_replication_role = origin", "DROP TABLE bench_seed_pairs", "DROP TABLE bench_seed_convs",
		"DROP TABLE bench_seed_msgs", "DROP TABLE bench_seed_latest", "DROP TABLE bench_seed_marks")
	for _, s := range stmts {
		if _, err := db.conn.Exec(ctx, s); err != nil {
			return fmt.Errorf("%s: %w", firstLine(s), err)
		}
	}
	var convs, msgs, marks int
	if err := db.conn.QueryRow(ctx, "SELECT (SELECT count(*) FROM direct_conversations), (SELECT count(*) FROM messages), (SELECT count(*) FROM chat_bookmarks)").
		Scan(&convs, &msgs, &marks); err != nil {
		return err
	}
	fmt.Println("seed: users " + strconv.Itoa(p.users) + ", conversations " + strconv.Itoa(convs) +
		", messages " + strconv.Itoa(msgs) + ", bookmarks " + strconv.Itoa(marks))
	return nil
}

// plainIndexes returns the definitions of the indexes on the conversation
// tables that back no constraint, by name.
func (db *database) plainIndexes(ctx context.Context) (map[string]string, error) {
	rows, err := db.conn.Query(ctx, `
		SELECT i.indexname, i.indexdef FROM pg_indexes i
		WHERE i.schemaname = 'public' AND i.tablename IN ('direct_conversations', 'chats', 'chat_memberships', 'messages', 'chat_bookmarks')
		AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var name, def string
		if err := rows.Scan(&name, &def); err != nil {
			return nil, err
		}
		out[name] = def
	}
	return out, rows.Err()
}

// analyze refreshes the planner's statistics and the visibility map, as a
// long-running database would have them.
func (db *database) analyze(ctx context.Context) error {
	_, err := db.conn.Exec(ctx, "VACUUM (ANALYZE)")
	return err
}

func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i > 0 {
		return s[:i]
	}
	return s
}
