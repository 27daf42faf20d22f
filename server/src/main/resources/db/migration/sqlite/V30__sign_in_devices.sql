-- Where each sign-in came from, so that a user can see where they are signed in and end one: the
-- client's User-Agent (at most 300 characters) and address when the token was issued. Tokens
-- issued before this have neither.
ALTER TABLE auth_tokens ADD COLUMN user_agent TEXT;
ALTER TABLE auth_tokens ADD COLUMN address TEXT;
-- a user's sign-ins, newest first, a page at a time (auth_tokens_user, on user_id alone, is left:
-- migrations only add, so that nodes of the version before run beside this one)
CREATE INDEX auth_tokens_user_newest ON auth_tokens (user_id, id);

-- The places a user signed in from: a browser ("Firefox on Linux", from the User-Agent) and a
-- network (the address's /24, or /48 for IPv6). A sign-in from a place not here, by a user who has
-- one here, is mailed to them. Places unseen for fileshare.auth.sign-in-place-memory are removed.
CREATE TABLE sign_in_places (
    user_id       INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    browser       TEXT    NOT NULL,
    network       TEXT    NOT NULL,
    first_seen_at BIGINT  NOT NULL,
    last_seen_at  BIGINT  NOT NULL,
    PRIMARY KEY (user_id, browser, network)
);
CREATE INDEX sign_in_places_seen ON sign_in_places (last_seen_at);
