-- +goose Up
-- Ids are lower-case canonical UUID text; timestamps are fixed-width UTC text
-- (2006-01-02T15:04:05.000000Z), so that string order is time order.
CREATE TABLE accounts (
    id         text PRIMARY KEY,
    name       text NOT NULL,
    created_at text NOT NULL,
    updated_at text NOT NULL
);

CREATE TABLE users (
    id            text PRIMARY KEY,
    account_id    text NOT NULL REFERENCES accounts (id),
    name          text NOT NULL,
    name_folded   text NOT NULL,
    email         text NOT NULL,
    email_key     text NOT NULL,
    role          text NOT NULL CHECK (role IN ('admin', 'member')),
    password_hash text NOT NULL,
    created_at    text NOT NULL,
    updated_at    text NOT NULL,
    CONSTRAINT users_email_key_key UNIQUE (email_key)
);
CREATE INDEX users_account_name_idx ON users (account_id, name_folded, id);
CREATE INDEX users_account_created_idx ON users (account_id, created_at, id);

CREATE TABLE direct_conversations (
    id             text PRIMARY KEY,
    account_id     text NOT NULL REFERENCES accounts (id),
    first_user_id  text NOT NULL REFERENCES users (id),
    second_user_id text NOT NULL REFERENCES users (id),
    user_low_id    text NOT NULL,
    user_high_id   text NOT NULL,
    created_at     text NOT NULL,
    updated_at     text NOT NULL,
    CONSTRAINT direct_conversations_pair_key UNIQUE (account_id, user_low_id, user_high_id),
    CONSTRAINT direct_conversations_distinct_users CHECK (first_user_id <> second_user_id)
);

CREATE TABLE chats (
    id                text PRIMARY KEY,
    account_id        text NOT NULL REFERENCES accounts (id),
    context_type      text NOT NULL,
    context_id        text NOT NULL,
    latest_message_id text NULL,
    created_at        text NOT NULL,
    updated_at        text NOT NULL,
    CONSTRAINT chats_context_key UNIQUE (context_type, context_id)
);

CREATE TABLE chat_memberships (
    id                     text PRIMARY KEY,
    chat_id                text NOT NULL REFERENCES chats (id),
    user_id                text NOT NULL REFERENCES users (id),
    role_ids               text NOT NULL,
    created_at             text NOT NULL,
    direct_conversation_id text NULL REFERENCES direct_conversations (id),
    peer_user_id           text NULL REFERENCES users (id),
    chat_updated_at        text NOT NULL,
    CONSTRAINT chat_memberships_chat_user_key UNIQUE (chat_id, user_id)
);
CREATE INDEX chat_memberships_inbox_idx ON chat_memberships (user_id, chat_updated_at DESC, direct_conversation_id DESC)
    WHERE direct_conversation_id IS NOT NULL;
CREATE INDEX chat_memberships_peer_idx ON chat_memberships (user_id, peer_user_id)
    WHERE peer_user_id IS NOT NULL;

CREATE TABLE messages (
    id         text PRIMARY KEY,
    chat_id    text NOT NULL REFERENCES chats (id),
    author_id  text NOT NULL REFERENCES users (id),
    content    text NOT NULL,
    created_at text NOT NULL
);
CREATE INDEX messages_chat_created_idx ON messages (chat_id, created_at DESC, id DESC);

CREATE TABLE revoked_tokens (
    id         text PRIMARY KEY,
    expires_at text NOT NULL,
    revoked_at text NOT NULL
);
CREATE INDEX revoked_tokens_revoked_at_idx ON revoked_tokens (revoked_at);
CREATE INDEX revoked_tokens_expires_at_idx ON revoked_tokens (expires_at);

-- +goose Down
DROP TABLE revoked_tokens;
DROP TABLE messages;
DROP TABLE chat_memberships;
DROP TABLE chats;
DROP TABLE direct_conversations;
DROP TABLE users;
DROP TABLE accounts;
