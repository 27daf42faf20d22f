-- Trash: a deleted file keeps its row (and its versions) with deleted_at set, and is hidden from
-- every list, share and link until it is restored or removed for good. NULL: not in the trash.
ALTER TABLE files ADD COLUMN deleted_at BIGINT;
-- The number of the current content (1 for the first upload; each replace or restore adds one),
-- who uploaded it (NULL: the owner) and when (NULL: created_at).
ALTER TABLE files ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE files ADD COLUMN content_by BIGINT REFERENCES users (id) ON DELETE SET NULL;
ALTER TABLE files ADD COLUMN content_at BIGINT;
CREATE INDEX files_trash ON files (owner_id, deleted_at, id) WHERE deleted_at IS NOT NULL;
CREATE INDEX files_trashed_at ON files (deleted_at, id) WHERE deleted_at IS NOT NULL;

-- Earlier content of a file: what a replace or a restore made no longer current. The blob is the
-- version's own (blob keys are unique across files and versions). Goes with the file.
CREATE TABLE file_versions (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    file_id      BIGINT  NOT NULL REFERENCES files (id) ON DELETE CASCADE,
    number       BIGINT  NOT NULL,
    store        TEXT    NOT NULL,
    blob_key     TEXT    NOT NULL UNIQUE,
    size         BIGINT  NOT NULL,
    sha256       TEXT    NOT NULL,
    content_type TEXT    NOT NULL,
    created_at   BIGINT  NOT NULL, -- when this content was uploaded
    uploaded_by  BIGINT  REFERENCES users (id) ON DELETE SET NULL,
    replaced_at  BIGINT  NOT NULL, -- when it stopped being the current content
    replaced_by  BIGINT  REFERENCES users (id) ON DELETE SET NULL,
    UNIQUE (file_id, number)
);
CREATE INDEX file_versions_replaced ON file_versions (replaced_at, id);
CREATE INDEX file_versions_store ON file_versions (store, id);
