-- Links that give one file to people without an account. The token is the secret in the link's
-- URL; it is kept as it is because the owner copies the link again later. A revoked link's row is
-- deleted, so a revoked token and one that never existed look the same.
CREATE TABLE share_links (
    id                    INTEGER PRIMARY KEY AUTOINCREMENT,
    file_id               BIGINT  NOT NULL REFERENCES files (id) ON DELETE CASCADE,
    owner_id              BIGINT  NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token                 TEXT    NOT NULL UNIQUE,
    label                 TEXT    NOT NULL,
    expires_at            BIGINT,          -- epoch milliseconds; NULL: never
    password_hash         TEXT,            -- Argon2id; NULL: no password
    max_downloads         BIGINT,          -- NULL: no limit
    downloads             BIGINT  NOT NULL DEFAULT 0,
    notify_first_download BOOLEAN NOT NULL DEFAULT FALSE,
    created_at            BIGINT  NOT NULL,
    updated_at            BIGINT  NOT NULL
);
CREATE INDEX share_links_file ON share_links (file_id, id);
CREATE INDEX share_links_owner ON share_links (owner_id, id);

-- The access log of links: visits of the page, wrong passwords, downloads started and ended.
-- Kept when a link is revoked (the owner still reads it per file), removed after the retention.
CREATE TABLE link_events (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    link_id    BIGINT  NOT NULL,
    file_id    BIGINT  NOT NULL REFERENCES files (id) ON DELETE CASCADE,
    kind       TEXT    NOT NULL, -- visit, password_failed, download_started, download_completed, download_interrupted
    at         BIGINT  NOT NULL,
    address    TEXT,             -- as much of the client address as fileshare.sharing.log-addresses keeps
    user_agent TEXT,
    bytes      BIGINT            -- downloads: bytes planned (started) or sent (ended)
);
CREATE INDEX link_events_link ON link_events (link_id, id);
CREATE INDEX link_events_file ON link_events (file_id, id);
CREATE INDEX link_events_at ON link_events (at);

-- What a visitor of a link was granted, under the SHA-256 of the secret that shows it: the right
-- to download after giving the password (kind password), or to resume a download that was already
-- counted (kind resume). Expired grants are removed by the cleanup.
CREATE TABLE link_unlocks (
    grant_hash TEXT   NOT NULL PRIMARY KEY,
    link_id    BIGINT NOT NULL REFERENCES share_links (id) ON DELETE CASCADE,
    kind       TEXT   NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX link_unlocks_link ON link_unlocks (link_id, kind);
CREATE INDEX link_unlocks_expires ON link_unlocks (expires_at);
