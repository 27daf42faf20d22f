-- What is inside each stored document, kept by the documents module.
--
-- documents: one row per live file, describing the content whose SHA-256 it names; a replace or a
-- restore puts it back to 'pending' for the new content. state is the text's: pending (waiting for
-- the background job), indexed, none (no text: a scanned document), failed (gave up after
-- retries). facts: the metadata as JSON (page count, title, author, dates, PDF version,
-- encryption, forms, signatures, attachments, active content), NULL until read. A job takes a row
-- by setting claimed_by/claimed_until in one conditional UPDATE, so several nodes never take the
-- same one; due_at is when a failed attempt may be retried.
CREATE TABLE documents (
    file_id       INTEGER PRIMARY KEY REFERENCES files (id) ON DELETE CASCADE,
    sha256        TEXT    NOT NULL,
    state         TEXT    NOT NULL,
    attempts      INTEGER NOT NULL DEFAULT 0,
    due_at        BIGINT  NOT NULL,
    claimed_by    TEXT,
    claimed_until BIGINT,
    facts         TEXT,
    error         TEXT,
    updated_at    BIGINT  NOT NULL
);
CREATE INDEX documents_pending ON documents (due_at, file_id) WHERE state = 'pending';

-- The text of each page, for full-text search. rowid = file_id * 1048576 + page (pages from 1),
-- so a file's pages are one rowid range. terms: the page's text folded for matching (accents
-- removed, CJK characters one per token), indexed; body: the text as extracted, for snippets.
CREATE VIRTUAL TABLE document_pages USING fts5(
    terms,
    body UNINDEXED,
    tokenize = 'porter unicode61 remove_diacritics 2'
);

-- Rendered previews of a document's first page, one per width, each a blob of its own in the
-- store named. sha256 is the content's they were made from: a preview of older content is never
-- served. No foreign key: rows that went with their file would leave their blobs behind unnamed;
-- they are removed, blobs after rows, when the file is removed for good, and the orphan sweeper
-- keeps only blobs of rows whose file still exists.
CREATE TABLE document_previews (
    file_id    INTEGER NOT NULL,
    width      INTEGER NOT NULL,
    sha256     TEXT    NOT NULL,
    store      TEXT    NOT NULL,
    blob_key   TEXT    NOT NULL UNIQUE,
    size       BIGINT  NOT NULL,
    created_at BIGINT  NOT NULL,
    PRIMARY KEY (file_id, width)
);
