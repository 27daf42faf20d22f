-- What verify-storage found and how far it got. storage_damage: a file's content (kind 'file',
-- item_id = files.id) or an earlier version (kind 'version', item_id = file_versions.id) whose
-- blob no longer reads back as its recorded SHA-256 and size: found_sha256 NULL when the blob is
-- missing. A row goes when a later run finds the item whole again, or the item is gone.
-- storage_verification: where an interrupted run goes on, per kind and store: the last id
-- checked of the ids up to last_id that existed when the run began.
CREATE TABLE storage_damage (
    kind            TEXT   NOT NULL,
    item_id         BIGINT NOT NULL,
    store           TEXT   NOT NULL,
    blob_key        TEXT   NOT NULL,
    expected_sha256 TEXT   NOT NULL,
    expected_size   BIGINT NOT NULL,
    found_sha256    TEXT,
    found_size      BIGINT,
    found_at        BIGINT NOT NULL,
    PRIMARY KEY (kind, item_id)
);
CREATE TABLE storage_verification (
    kind       TEXT   NOT NULL,
    store      TEXT   NOT NULL,
    after_id   BIGINT NOT NULL,
    last_id    BIGINT NOT NULL,
    started_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (kind, store)
);
