-- +goose Up
-- A member's read marker, one per member and chat; it exists only for a
-- membership and goes with it.
CREATE TABLE chat_bookmarks (
    chat_id    text NOT NULL,
    user_id    text NOT NULL,
    updated_at text NOT NULL,
    PRIMARY KEY (chat_id, user_id),
    FOREIGN KEY (chat_id, user_id) REFERENCES chat_memberships (chat_id, user_id)
);

-- The member's unread messages of the chat, maintained in the transaction of
-- every post and bookmark move, so no read ever counts messages.
ALTER TABLE chat_memberships ADD COLUMN unread_count integer NOT NULL DEFAULT 0
    CHECK (unread_count >= 0);

-- Only the conversations with unread messages, in inbox order; SQLite has no
-- INCLUDE, so the count is the last key and the index still covers the
-- unread_counts answer.
CREATE INDEX chat_memberships_unread_idx ON chat_memberships (user_id, chat_updated_at DESC, direct_conversation_id DESC, unread_count)
    WHERE direct_conversation_id IS NOT NULL AND unread_count > 0;

-- +goose Down
DROP INDEX chat_memberships_unread_idx;
ALTER TABLE chat_memberships DROP COLUMN unread_count;
DROP TABLE chat_bookmarks;
