-- Sign-in tokens. Only the SHA-256 of a token is stored; a token ends at expires_at, or when it
-- has not been used for the configured idle time.
CREATE TABLE auth_tokens (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    token_hash   TEXT    NOT NULL UNIQUE,
    user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at   BIGINT  NOT NULL,
    last_used_at BIGINT  NOT NULL,
    expires_at   BIGINT  NOT NULL
);
CREATE INDEX auth_tokens_user ON auth_tokens (user_id);
