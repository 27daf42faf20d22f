-- Two-factor sign-in with time-based one-time passwords (RFC 6238). One row per user who set it
-- up; enabled_at stays NULL until the first code is confirmed. secret: the shared key in Base32,
-- as the authenticator app holds it (this server has no key of its own to encrypt it with; see
-- docs/decisions.md). last_step: the 30-second step of the last code taken, so that a code is
-- refused a second time.
CREATE TABLE two_factor (
    user_id    INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    secret     TEXT    NOT NULL,
    enabled_at BIGINT, -- NULL: set up, not yet confirmed
    last_step  BIGINT  NOT NULL DEFAULT 0,
    created_at BIGINT  NOT NULL
);
-- Ten single-use recovery codes per user, only their SHA-256 kept; a used code is deleted.
CREATE TABLE recovery_codes (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id   INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    code_hash TEXT    NOT NULL UNIQUE
);
CREATE INDEX recovery_codes_user ON recovery_codes (user_id);
-- Sign-ins halfway: the password was right, the code is still to come (purpose 'code'), or the
-- server requires two-factor sign-in and the user must set it up first (purpose 'setup'). Only
-- the SHA-256 of a challenge is kept; it is deleted when used and ends after five minutes.
CREATE TABLE sign_in_challenges (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    challenge_hash TEXT    NOT NULL UNIQUE,
    user_id        INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose        TEXT    NOT NULL,
    expires_at     BIGINT  NOT NULL
);
