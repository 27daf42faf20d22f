-- Which blob store holds each file's bytes: 'local' or 's3'. A node reads a file from the store its
-- row names, so files can move between stores one by one while the nodes serve them. Existing rows
-- are in the store the server was configured with when this ran (fileshare.storage.type).
ALTER TABLE files ADD COLUMN store TEXT NOT NULL DEFAULT 'local';
UPDATE files SET store = lower('${storage_type}');
ALTER TABLE files ALTER COLUMN store DROP DEFAULT;
CREATE INDEX files_store ON files (store, id);

