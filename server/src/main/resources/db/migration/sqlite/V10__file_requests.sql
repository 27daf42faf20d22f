-- File requests: a link through which people without an account upload files to the owner. The
-- token is the secret in the request's URL, kept as it is because the owner copies the link again
-- later. received counts the files taken, in the same conditional UPDATE that checks the limit, so
-- the limit holds under any number of uploaders on any number of nodes. notify_due is when the
-- owner's next mail about new uploads is due (NULL: nothing waiting); notified_at when the last
-- one went. Timestamps are epoch milliseconds (UTC).
CREATE TABLE file_requests (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    owner_id      BIGINT  NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token         TEXT    NOT NULL UNIQUE,
    title         TEXT    NOT NULL,
    instructions  TEXT    NOT NULL,
    expires_at    BIGINT,           -- NULL: never
    password_hash TEXT,             -- Argon2id; NULL: no password
    max_files     BIGINT,           -- NULL: no limit
    max_file_size BIGINT,           -- bytes; NULL: the server's upload limit
    require_name  BOOLEAN NOT NULL DEFAULT FALSE,
    require_email BOOLEAN NOT NULL DEFAULT FALSE,
    notify        BOOLEAN NOT NULL DEFAULT TRUE,
    closed        BOOLEAN NOT NULL DEFAULT FALSE,
    received      BIGINT  NOT NULL DEFAULT 0,
    notify_due    BIGINT,
    notified_at   BIGINT  NOT NULL DEFAULT 0,
    created_at    BIGINT  NOT NULL,
    updated_at    BIGINT  NOT NULL
);
CREATE INDEX file_requests_owner ON file_requests (owner_id, id);
CREATE INDEX file_requests_notify_due ON file_requests (notify_due);

-- A visit of a request's page (or an API client's session with it), under the SHA-256 of the
-- secret the visitor shows: the uploader sees the uploads of their own visit only. unlocked: the
-- request's password was given. Expired visits are removed by the cleanup.
CREATE TABLE request_visits (
    visit_hash TEXT    NOT NULL PRIMARY KEY,
    request_id BIGINT  NOT NULL REFERENCES file_requests (id) ON DELETE CASCADE,
    unlocked   BOOLEAN NOT NULL,
    expires_at BIGINT  NOT NULL
);
CREATE INDEX request_visits_request ON request_visits (request_id);
CREATE INDEX request_visits_expires ON request_visits (expires_at);

-- A file received through a request: who sent it (the name and address they gave, the client
-- address, their visit) and when; the file's name and size as they arrived. mailed: the owner was
-- told. Goes with the request or with the file.
CREATE TABLE request_uploads (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    request_id     BIGINT  NOT NULL REFERENCES file_requests (id) ON DELETE CASCADE,
    file_id        BIGINT  NOT NULL UNIQUE REFERENCES files (id) ON DELETE CASCADE,
    visit_hash     TEXT    NOT NULL,
    uploader_name  TEXT    NOT NULL,
    uploader_email TEXT    NOT NULL,
    client_address TEXT    NOT NULL,
    file_name      TEXT    NOT NULL,
    size           BIGINT  NOT NULL,
    mailed         BOOLEAN NOT NULL DEFAULT FALSE,
    created_at     BIGINT  NOT NULL
);
CREATE INDEX request_uploads_request ON request_uploads (request_id, id);
CREATE INDEX request_uploads_visit ON request_uploads (visit_hash, id);
-- The uploads the owner's next mail tells of.
CREATE INDEX request_uploads_unmailed ON request_uploads (request_id, mailed, id);

-- The request a file came through, for ?request= among the owner's files.
ALTER TABLE files ADD COLUMN request_id BIGINT REFERENCES file_requests (id) ON DELETE SET NULL;
CREATE INDEX files_request ON files (request_id, id);

-- Whose a resumable upload is besides its owner: '' for the signed-in owner's own uploads, or a
-- target's scope (a file request's visit) for uploads that become the owner's file on its terms.
ALTER TABLE tus_uploads ADD COLUMN scope TEXT NOT NULL DEFAULT '';
