package main

import "fmt"

// Message shape: a share of the conversations holds 1 to maxMessages
// messages (skewed low, about 3 on average); the rest were started and never
// written in. The last message of a conversation is at its planned activity
// time, the earlier ones between its creation and then.
const (
	messageShare = 0.75
	maxMessages  = 8
	// Of the members of a chat with messages, readShare have read it after
	// its latest message and partShare part of the way; the others have
	// only the bookmark their own posts moved, if any.
	readShare = 0.6
	partShare = 0.2
)

// messageText is cut into message contents of 10 to 160 characters.
const messageText = `Hallo, kurze Frage zum Dienstplan für nächste Woche: kannst du am Dienstag die Frühschicht übernehmen? ` +
	`Ich hätte dafür Samstag frei genommen. Danke dir, melde dich einfach, wenn das nicht klappt – Grüße aus dem Büro! ` +
	`Sure, that works for me. Let me know if anything changes; I will be around until six today.`

// msgsSQL plans every message. The first message of a conversation is by
// the user who started it, the others by either participant.
var msgsSQL = fmt.Sprintf(`
CREATE UNLOGGED TABLE bench_seed_msgs AS
WITH chosen AS MATERIALIZED (
    SELECT chat_id, first_id, second_id, created, activity, 1 + floor(power(random(), 2) * %[1]d)::int AS n
    FROM bench_seed_convs WHERE random() < %[2]g
), planned AS (
    SELECT c.chat_id,
        CASE WHEN g = 1 OR random() < 0.5 THEN c.first_id ELSE c.second_id END AS author_id,
        CASE WHEN g = c.n THEN c.activity
             ELSE date_trunc('milliseconds', c.created + (c.activity - c.created) * random()) END AS created
    FROM chosen c CROSS JOIN LATERAL generate_series(1, c.n) g
)
SELECT `+uuid7+` AS id, chat_id, author_id, created,
    substr('%[3]s', 1 + floor(random() * 120)::int, 10 + floor(random() * 150)::int) AS content
FROM planned`, maxMessages, messageShare, messageText)

// latestSQL finds each chat's latest message by the store's own rule
// (newest created_at, then highest id).
const latestSQL = `
CREATE UNLOGGED TABLE bench_seed_latest AS
SELECT DISTINCT ON (chat_id) chat_id, id AS latest_id, created AS latest_at
FROM bench_seed_msgs ORDER BY chat_id, created DESC, id DESC`

// marksSQL gives each member of a chat with messages its bookmark and unread
// count as posts and bookmark moves would have left them: the bookmark is
// the latest of the member's own last message (a post moves its author's
// bookmark) and an explicit read, after the latest message or part of the
// way; unread are the others' messages after the bookmark (all of them
// without one).
var marksSQL = fmt.Sprintf(`
CREATE UNLOGGED TABLE bench_seed_marks AS
WITH members AS MATERIALIZED (
    SELECT c.chat_id, x.user_id, c.created, l.latest_at, random() AS u
    FROM bench_seed_convs c JOIN bench_seed_latest l USING (chat_id)
    CROSS JOIN LATERAL (VALUES (c.first_id), (c.second_id)) x(user_id)
), own AS (
    SELECT chat_id, author_id AS user_id, max(created) AS own_last FROM bench_seed_msgs GROUP BY 1, 2
), marked AS (
    SELECT m.chat_id, m.user_id, GREATEST(o.own_last, CASE
        WHEN m.u < %[1]g THEN date_trunc('milliseconds', m.latest_at + (now() - m.latest_at) * random())
        WHEN m.u < %[2]g THEN date_trunc('milliseconds', m.created + (m.latest_at - m.created) * random())
        END) AS bookmark
    FROM members m LEFT JOIN own o USING (chat_id, user_id)
)
SELECT k.chat_id, k.user_id, k.bookmark,
    count(msg.id) FILTER (WHERE msg.author_id <> k.user_id AND (k.bookmark IS NULL OR msg.created > k.bookmark))::int AS unread
FROM marked k JOIN bench_seed_msgs msg USING (chat_id)
GROUP BY k.chat_id, k.user_id, k.bookmark`, readShare, readShare+partShare)

// messageSQL plans the messages and what they leave behind, from
// bench_seed_convs.
var messageSQL = []string{
	msgsSQL,
	latestSQL,
	marksSQL,
	"CREATE INDEX ON bench_seed_latest (chat_id)",
	"CREATE INDEX ON bench_seed_marks (chat_id, user_id)",
}

// messageInsertSQL writes the messages and the members' bookmarks.
var messageInsertSQL = []string{
	`INSERT INTO messages (id, chat_id, author_id, content, created_at)
	 SELECT id, chat_id, author_id, content, created FROM bench_seed_msgs`,
	`INSERT INTO chat_bookmarks (chat_id, user_id, updated_at)
	 SELECT chat_id, user_id, bookmark FROM bench_seed_marks WHERE bookmark IS NOT NULL`,
}
