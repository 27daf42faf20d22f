-- Security events, for administrators: sign-ins and their failures, sign-outs, password changes
-- and resets, administrators' actions, disabled accounts. Written in the transaction of the change
-- it records where there is one. actor_id: who did it (NULL: nobody signed in, or the command
-- line); subject_id: whose account it concerns. Neither has a foreign key: an entry outlives its
-- account, and actor_name keeps the name it had. address: the client's, as the server saw it.
-- detail: a JSON object of what else the action needs, never a password, token or code.
-- Entries older than fileshare.audit.retention are removed.
CREATE TABLE audit_log (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    at         BIGINT NOT NULL,
    action     TEXT   NOT NULL,
    actor_id   BIGINT,
    actor_name TEXT,
    subject_id BIGINT,
    address    TEXT,
    detail     TEXT   NOT NULL
);
CREATE INDEX audit_log_at ON audit_log (at, id);
CREATE INDEX audit_log_actor ON audit_log (actor_id, id);
CREATE INDEX audit_log_subject ON audit_log (subject_id, id);
