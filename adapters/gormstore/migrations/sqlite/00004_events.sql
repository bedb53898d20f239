-- +goose Up
-- The transactional outbox: one row per committed change, written in the
-- change's own transaction. It keeps the subject's ids, not a document.
CREATE TABLE events (
    id          integer PRIMARY KEY AUTOINCREMENT,
    name        text NOT NULL,
    chat_id     text NOT NULL,
    subject_id  text NOT NULL,
    occurred_at text NOT NULL
);
-- The purge walks the oldest events.
CREATE INDEX events_occurred_at_idx ON events (occurred_at);

-- Each user's stream position: the last seq handed out.
CREATE TABLE event_streams (
    user_id  text PRIMARY KEY,
    last_seq integer NOT NULL
);

-- One row per recipient of an event: "after seq X for user U" is an index
-- walk of the primary key.
CREATE TABLE event_recipients (
    user_id  text NOT NULL,
    seq      integer NOT NULL,
    event_id integer NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    PRIMARY KEY (user_id, seq)
);
-- The purge and the wake-up find the recipients of events by id.
CREATE INDEX event_recipients_event_idx ON event_recipients (event_id);

-- +goose Down
DROP TABLE event_recipients;
DROP TABLE event_streams;
DROP TABLE events;
