-- Timestamps are epoch milliseconds (UTC) in every table, so the SQL is the same on SQLite and PostgreSQL.
CREATE TABLE users (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    username       TEXT    NOT NULL,
    username_key   TEXT    NOT NULL UNIQUE, -- lower case: names differing only in case are one name
    email          TEXT    NOT NULL,
    email_key      TEXT    NOT NULL UNIQUE, -- lower case: addresses are unique whatever their case
    password_hash  TEXT    NOT NULL,
    email_verified INTEGER NOT NULL DEFAULT 0,
    joined_at      BIGINT  NOT NULL
);

-- Single-use secrets sent by mail. Only the SHA-256 of a token is stored.
CREATE TABLE account_tokens (
    token_hash TEXT    NOT NULL PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose    TEXT    NOT NULL, -- VERIFY_EMAIL or RESET_PASSWORD
    created_at BIGINT  NOT NULL,
    expires_at BIGINT  NOT NULL
);
CREATE INDEX account_tokens_user ON account_tokens (user_id, purpose);
