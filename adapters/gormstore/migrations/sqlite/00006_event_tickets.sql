-- +goose Up
-- Single-use tickets that open an event stream without an Authorization
-- header. Only the SHA-256 of the secret is kept; the token columns let the
-- stream end when the token it stands in for is revoked or expires.
CREATE TABLE event_tickets (
    hash             text PRIMARY KEY,
    account_id       text NOT NULL,
    user_id          text NOT NULL,
    role             text NOT NULL,
    token_id         text NOT NULL,
    token_issued_at  text NOT NULL,
    token_expires_at text NOT NULL,
    expires_at       text NOT NULL
);
-- The purge deletes expired tickets.
CREATE INDEX event_tickets_expires_at_idx ON event_tickets (expires_at);

-- +goose Down
DROP TABLE event_tickets;
