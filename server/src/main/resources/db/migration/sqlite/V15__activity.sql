-- What happened to a user's files, newest last: their feed. actor_id: who did it (NULL: someone
-- without an account, such as a link's visitor). file_id has no foreign key: an entry outlives
-- its file. detail: what the action needs besides (a new name, a visibility, an address), '' if
-- nothing. Entries older than fileshare.activity.retention are removed.
CREATE TABLE activity (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id    BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    actor_id   BIGINT REFERENCES users (id) ON DELETE SET NULL,
    file_id    BIGINT,
    file_name  TEXT   NOT NULL,
    action     TEXT   NOT NULL,
    detail     TEXT   NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX activity_user ON activity (user_id, id);
CREATE INDEX activity_user_file ON activity (user_id, file_id, id);
CREATE INDEX activity_created ON activity (created_at, id);
