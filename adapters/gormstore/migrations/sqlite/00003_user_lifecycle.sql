-- +goose Up
-- Deactivation is a soft delete: discarded_at is set, nothing is erased.
-- tokens_valid_after refuses every token of the user issued at or before it
-- except kept_token_id (the token that changed the password); every replica
-- polls the column through its partial index.
ALTER TABLE users ADD COLUMN discarded_at text NULL;
ALTER TABLE users ADD COLUMN tokens_valid_after text NULL;
ALTER TABLE users ADD COLUMN kept_token_id text NULL;
CREATE INDEX users_tokens_valid_after_idx ON users (tokens_valid_after)
    WHERE tokens_valid_after IS NOT NULL;
CREATE INDEX users_account_admins_idx ON users (account_id)
    WHERE role = 'admin' AND discarded_at IS NULL;

-- +goose Down
DROP INDEX users_account_admins_idx;
DROP INDEX users_tokens_valid_after_idx;
ALTER TABLE users DROP COLUMN kept_token_id;
ALTER TABLE users DROP COLUMN tokens_valid_after;
ALTER TABLE users DROP COLUMN discarded_at;
