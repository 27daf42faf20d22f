-- Who may register: invitations, and accounts that wait for an administrator's approval.

-- An invitation to register with one address. Only the SHA-256 of its token is stored; it is used
-- once (used_at), can be revoked (revoked_at) and ends at expires_at. Rows stay after any of these,
-- so the administrators' list shows what became of each.
CREATE TABLE invitations (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    token_hash  TEXT    NOT NULL UNIQUE,
    email       TEXT    NOT NULL,         -- as the inviter typed it
    email_key   TEXT    NOT NULL,         -- lower case: the registering address must match it
    invited_by  BIGINT  REFERENCES users (id) ON DELETE SET NULL,
    by_admin    INTEGER NOT NULL,         -- made through the admin API: the account needs no approval
    created_at  BIGINT  NOT NULL,
    expires_at  BIGINT  NOT NULL,
    used_at     BIGINT,
    used_by     BIGINT  REFERENCES users (id) ON DELETE SET NULL,
    revoked_at  BIGINT
);

-- NULL: the account may sign in (every account before V22); a time: it waits for an administrator
-- since then. The partial indexes hold only the waiting accounts, in the two orders of the list.
ALTER TABLE users ADD COLUMN approval_requested_at BIGINT;
CREATE INDEX users_awaiting_approval_by_username ON users (username_key)
    WHERE approval_requested_at IS NOT NULL;
CREATE INDEX users_awaiting_approval_by_email ON users (email_key)
    WHERE approval_requested_at IS NOT NULL;
