-- Account mail waiting to be sent (transactional outbox). A row is written in the same transaction
-- as the change that asked for the mail, so a rolled-back change sends nothing; a background worker
-- on any server node delivers it later and retries with backoff.
CREATE TABLE mail_outbox (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    recipient       TEXT    NOT NULL,
    subject         TEXT    NOT NULL,
    -- The text holds the raw token of the link. It is wiped (set to '') as soon as the mail has been
    -- sent or given up on, so that no raw token stays in the database once it is delivered.
    body            TEXT    NOT NULL,
    created_at      BIGINT  NOT NULL,
    next_attempt_at BIGINT  NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    locked_until    BIGINT,  -- lease: the node that claimed the row sends it until then
    sent_at         BIGINT,
    failed_at       BIGINT,  -- given up after the maximum number of attempts
    last_error      TEXT     -- short, one line, no mail content
);
-- What the worker looks for: unsent mail that is due. Sent and failed rows drop out of the index.
CREATE INDEX mail_outbox_due ON mail_outbox (next_attempt_at) WHERE sent_at IS NULL AND failed_at IS NULL;
