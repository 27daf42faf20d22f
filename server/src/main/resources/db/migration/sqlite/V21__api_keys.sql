-- API keys: named credentials with scopes that scripts send instead of a sign-in token. Only the
-- SHA-256 of a key is stored, looked up through the unique index of key_hash. scopes: the names
-- separated by spaces ("files:read shares"). A revoked key is deleted. last_used_at is written at
-- most once per fileshare.auth.touch-interval, never at every request.
CREATE TABLE api_keys (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name         TEXT    NOT NULL,
    key_hash     TEXT    NOT NULL UNIQUE,
    scopes       TEXT    NOT NULL,
    created_at   BIGINT  NOT NULL,
    expires_at   BIGINT, -- NULL: does not expire
    last_used_at BIGINT  -- NULL: never used
);
CREATE INDEX api_keys_user ON api_keys (user_id, id);
