-- Links that only named people may open: the addresses and *@domain patterns, normalised to lower
-- case, one a line; NULL: anyone with the link.
ALTER TABLE share_links ADD COLUMN recipients TEXT;

-- A recipient grant (kind recipient) names the address its visitor proved with a code.
ALTER TABLE link_unlocks ADD COLUMN address TEXT;

-- The verified address of the visitor, on downloads through a restricted link.
ALTER TABLE link_events ADD COLUMN recipient TEXT;

-- One-time codes that prove an address, one per (scope, address): what the code opens (such as
-- link:7) and the SHA-256 of the normalised address, never the address itself. A code is kept only
-- as its Argon2id hash. Rows are written alike whether or not the address is allowed, so that the
-- answer and its timing reveal nothing; only an allowed address is ever mailed.
CREATE TABLE recipient_codes (
    scope       TEXT    NOT NULL,
    address_key TEXT    NOT NULL,
    code_hash   TEXT    NOT NULL,
    tries       INTEGER NOT NULL DEFAULT 0,
    expires_at  BIGINT  NOT NULL,
    used_at     BIGINT,
    PRIMARY KEY (scope, address_key)
);
CREATE INDEX recipient_codes_address ON recipient_codes (address_key);
CREATE INDEX recipient_codes_expires ON recipient_codes (expires_at);
