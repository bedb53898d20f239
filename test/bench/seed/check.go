package main

import (
	"context"
	"fmt"
)

// checkSQL counts the rows that break what posts and bookmark moves
// maintain (adapters/gormstore/messages.go and message_read_state.go), one
// figure per rule, each of which must be 0.
var checkSQL = []struct{ rule, sql string }{
	{"chat's latest message and activity", `
		WITH latest AS (SELECT DISTINCT ON (chat_id) chat_id, id, created_at FROM messages ORDER BY chat_id, created_at DESC, id DESC)
		SELECT count(*) FROM chats ch LEFT JOIN latest l ON l.chat_id = ch.id
		WHERE ch.latest_message_id IS DISTINCT FROM l.id OR ch.updated_at <> GREATEST(ch.created_at, l.created_at)`},
	{"membership's copy of the chat's activity", `
		SELECT count(*) FROM chat_memberships m JOIN chats ch ON ch.id = m.chat_id WHERE m.chat_updated_at <> ch.updated_at`},
	{"author's bookmark at or after each own message", `
		SELECT count(*) FROM messages msg
		LEFT JOIN chat_bookmarks b ON b.chat_id = msg.chat_id AND b.user_id = msg.author_id
		WHERE b.updated_at IS NULL OR b.updated_at < msg.created_at`},
	{"unread count equals the others' messages after the bookmark", `
		SELECT count(*) FROM (
		    SELECT m.unread_count, count(msg.id) FILTER (WHERE msg.author_id <> m.user_id
		        AND (b.updated_at IS NULL OR msg.created_at > b.updated_at)) AS unread
		    FROM chat_memberships m
		    LEFT JOIN chat_bookmarks b ON b.chat_id = m.chat_id AND b.user_id = m.user_id
		    LEFT JOIN messages msg ON msg.chat_id = m.chat_id
		    GROUP BY m.id, b.updated_at) t
		WHERE unread_count <> unread`},
}

// check fails when any seeded row breaks a rule of checkSQL.
func (db *database) check(ctx context.Context) error {
	if _, err := db.conn.Exec(ctx, "SET work_mem = '256MB'"); err != nil {
		return err
	}
	for _, c := range checkSQL {
		var bad int64
		if err := db.conn.QueryRow(ctx, c.sql).Scan(&bad); err != nil {
			return fmt.Errorf("%s: %w", c.rule, err)
		}
		if bad != 0 {
			return fmt.Errorf("%s: %d rows break it", c.rule, bad)
		}
	}
	return nil
}
