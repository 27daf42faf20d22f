-- A file given to a named person. recipient_id is the account it is shared with; while the person
-- has no confirmed account yet the share is an invitation to an address (invited_email, and its
-- lower-case invited_key), which becomes a share with recipient_id when an account with that
-- address is confirmed. shared_by is the file's owner, who alone shares it. A share goes when its
-- file, its recipient or its owner goes.
CREATE TABLE file_shares (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    file_id       INTEGER NOT NULL REFERENCES files (id) ON DELETE CASCADE,
    recipient_id  INTEGER REFERENCES users (id) ON DELETE CASCADE,
    invited_email TEXT,
    invited_key   TEXT,
    permission    TEXT   NOT NULL, -- read or edit
    shared_by     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at    BIGINT NOT NULL,
    updated_at    BIGINT NOT NULL,
    CHECK ((recipient_id IS NULL) <> (invited_key IS NULL))
);
-- "Shared with me" (id IN (SELECT file_id ... WHERE recipient_id = ?)) and the caller's share of a file.
CREATE UNIQUE INDEX file_shares_recipient ON file_shares (recipient_id, file_id);
-- The invitations to an address, attached when it is confirmed.
CREATE UNIQUE INDEX file_shares_invited ON file_shares (invited_key, file_id);
-- A file's shares, for its owner.
CREATE INDEX file_shares_file ON file_shares (file_id, id);
-- "Shared by me".
CREATE INDEX file_shares_by ON file_shares (shared_by, file_id);
-- Usernames starting with what was typed, for suggestions: SQLite's LIKE ignores case, so it uses
-- an index only in NOCASE order (the keys are lower case already).
CREATE INDEX users_username_prefix ON users (username_key COLLATE NOCASE);
