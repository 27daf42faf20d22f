-- Resumable uploads (tus 1.0). A row per upload in progress; its bytes arrive in pieces, each piece
-- stored as a blob of its own (tus_chunks) through the blob store, so an upload survives a restart
-- and may go on through any node. When the last byte is in, the pieces are joined into one file
-- (files table) and removed; the row keeps the file's id until it expires. Timestamps are epoch
-- milliseconds (UTC).
CREATE TABLE tus_uploads (
    id            TEXT    NOT NULL PRIMARY KEY, -- 128 random bits, hex: the upload URL's secret part
    owner_id      BIGINT  NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    upload_length BIGINT  NOT NULL,
    upload_offset BIGINT  NOT NULL,             -- bytes received and durably stored
    metadata      TEXT,                         -- the Upload-Metadata header as the client sent it
    file_id       BIGINT,                       -- the file made of it, once complete
    lock_token    TEXT,                         -- who writes now (one writer at a time) ...
    locked_until  BIGINT  NOT NULL DEFAULT 0,   -- ... until when, unless renewed (a lease)
    created_at    BIGINT  NOT NULL,
    expires_at    BIGINT  NOT NULL              -- swept after this, complete or not
);
CREATE INDEX tus_uploads_expires ON tus_uploads (expires_at);
CREATE INDEX tus_uploads_owner ON tus_uploads (owner_id);

-- The pieces of an upload, in order of their offset.
CREATE TABLE tus_chunks (
    upload_id    TEXT   NOT NULL REFERENCES tus_uploads (id) ON DELETE CASCADE,
    chunk_offset BIGINT NOT NULL,
    length       BIGINT NOT NULL,
    blob_key     TEXT   NOT NULL UNIQUE,
    PRIMARY KEY (upload_id, chunk_offset)
);
