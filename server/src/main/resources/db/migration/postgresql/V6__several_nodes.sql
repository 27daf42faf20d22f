-- Which blob store holds each file's bytes: 'local' or 's3'. A node reads a file from the store its
-- row names, so files can move between stores one by one while the nodes serve them. Existing rows
-- are in the store the server was configured with when this ran (fileshare.storage.type); so are
-- the files that nodes of an older version, which do not know the column, add during a rolling
-- upgrade: hence the default.
ALTER TABLE files ADD COLUMN store TEXT NOT NULL DEFAULT lower('${storage_type}');
CREATE INDEX files_store ON files (store, id);

-- Rate limits, shared by every node: a fixed window per bucket (a limit and what it counts, such
-- as a client address). Rows whose window has ended are deleted by a periodic cleanup.
CREATE TABLE rate_limits (
    bucket     TEXT   PRIMARY KEY,
    hits       BIGINT NOT NULL, -- requests counted in the window, refused ones included
    window_end BIGINT NOT NULL  -- epoch milliseconds; from then on the bucket is full again
);
CREATE INDEX rate_limits_window_end ON rate_limits (window_end);
