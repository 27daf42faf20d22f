-- Single sign-on with OpenID Connect (docs/decisions.md, "Single sign-on").
-- Sign-ins started at an identity provider and not yet back: found by the SHA-256 of their state,
-- bound to the browser that started them by the SHA-256 of a cookie's value, ending after ten
-- minutes and deleted when the browser comes back. request: what the callback needs (state,
-- nonce, PKCE verifier, redirect URI) as JSON.
CREATE TABLE sso_requests (
    state_hash   TEXT   PRIMARY KEY,
    browser_hash TEXT   NOT NULL,
    request      TEXT   NOT NULL,
    expires_at   BIGINT NOT NULL
);
CREATE INDEX sso_requests_expiry ON sso_requests (expires_at);
-- One-time codes that the web page exchanges for a sign-in token after a single sign-on: only
-- their SHA-256 kept, deleted when used, ending after a minute.
CREATE TABLE sso_codes (
    code_hash  TEXT    PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    expires_at BIGINT  NOT NULL
);
CREATE INDEX sso_codes_expiry ON sso_codes (expires_at);
-- Which person at which identity provider an account belongs to: (issuer, subject) is the
-- provider's own name for them, which stays when their address changes. admin_from_group: this
-- sign-in made the account an administrator through fileshare.sso.admin-group, so leaving that
-- group takes the role away again (an administrator made any other way is never demoted).
CREATE TABLE user_identities (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id          INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    registration_id  TEXT    NOT NULL,
    issuer           TEXT    NOT NULL,
    subject          TEXT    NOT NULL,
    admin_from_group BOOLEAN NOT NULL DEFAULT FALSE,
    linked_at        BIGINT  NOT NULL,
    UNIQUE (issuer, subject)
);
CREATE INDEX user_identities_user ON user_identities (user_id);
