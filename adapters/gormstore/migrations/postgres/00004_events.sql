-- +goose Up
-- The transactional outbox: one row per committed change, written in the
-- change's own transaction. It keeps the subject's ids, not a document.
CREATE TABLE events (
    id          bigserial PRIMARY KEY,
    name        text NOT NULL,
    chat_id     uuid NOT NULL,
    subject_id  uuid NOT NULL,
    occurred_at timestamptz NOT NULL
);
-- The purge walks the oldest events.
CREATE INDEX events_occurred_at_idx ON events (occurred_at);

-- Each user's stream position: the last seq handed out. The row is locked by
-- the writing transaction until it commits, so a recipient's seqs commit in
-- order and without gaps, and only writers to the same recipient wait.
CREATE TABLE event_streams (
    user_id  uuid PRIMARY KEY,
    last_seq bigint NOT NULL
);

-- One row per recipient of an event: "after seq X for user U" is an index
-- walk of the primary key.
CREATE TABLE event_recipients (
    user_id  uuid NOT NULL,
    seq      bigint NOT NULL,
    event_id bigint NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    CONSTRAINT event_recipients_pkey PRIMARY KEY (user_id, seq)
);
-- The purge and the cross-replica wake-up find the recipients of events by id.
CREATE INDEX event_recipients_event_idx ON event_recipients (event_id);

-- +goose Down
DROP TABLE event_recipients;
DROP TABLE event_streams;
DROP TABLE events;
