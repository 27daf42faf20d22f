-- Uploaded files. The bytes live in the blob store under blob_key; a row exists only for a blob
-- that was completely and durably stored. Timestamps are epoch milliseconds (UTC).
CREATE TABLE files (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    owner_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name         TEXT    NOT NULL, -- the client's filename, cleaned; metadata only
    name_key     TEXT    NOT NULL, -- lower case, for case-insensitive search on every database
    blob_key     TEXT    NOT NULL UNIQUE,
    size         BIGINT  NOT NULL,
    sha256       TEXT    NOT NULL,
    content_type TEXT    NOT NULL,
    visibility   TEXT    NOT NULL, -- users or private
    created_at   BIGINT  NOT NULL,
    updated_at   BIGINT  NOT NULL
);
CREATE INDEX files_visibility_created ON files (visibility, created_at, id);
CREATE INDEX files_owner_created ON files (owner_id, created_at, id);
CREATE INDEX files_created ON files (created_at, id);
CREATE INDEX files_name ON files (name_key, id);
CREATE INDEX files_size ON files (size, id);
