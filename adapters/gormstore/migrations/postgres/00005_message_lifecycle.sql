-- +goose Up
-- A message can be corrected (edited_at: the latest correction) and
-- withdrawn (discarded_at). Withdrawing clears content in the same update:
-- the row and its times stay, so that lists, cursors and latest_message_id
-- keep their place, but no text of a withdrawn message and no earlier
-- version of an edited one is kept anywhere.
ALTER TABLE messages ADD COLUMN edited_at timestamptz NULL;
ALTER TABLE messages ADD COLUMN discarded_at timestamptz NULL;

-- +goose Down
ALTER TABLE messages DROP COLUMN discarded_at;
ALTER TABLE messages DROP COLUMN edited_at;
