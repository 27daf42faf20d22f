-- What each user stores, kept in the same transaction as every change to it, and their quota.
-- bytes: current content, versions and trash; files: files, in the trash too; reserved: the
-- Upload-Length of their unfinished resumable uploads. A change that would take bytes + reserved
-- over the quota is refused by the same conditional UPDATE that makes it, so the quota holds under
-- any number of uploads on any number of nodes. quota_bytes/quota_files NULL: the server's default.
CREATE TABLE storage_usage (
    user_id     BIGINT NOT NULL PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    bytes       BIGINT NOT NULL DEFAULT 0,
    files       BIGINT NOT NULL DEFAULT 0,
    reserved    BIGINT NOT NULL DEFAULT 0,
    quota_bytes BIGINT,
    quota_files BIGINT
);
INSERT INTO storage_usage (user_id, bytes, files)
    SELECT u.id, COALESCE(SUM(f.size), 0), COUNT(f.id)
    FROM users u LEFT JOIN files f ON f.owner_id = u.id
    GROUP BY u.id;
UPDATE storage_usage SET reserved = (
    SELECT COALESCE(SUM(t.upload_length), 0) FROM tus_uploads t
    WHERE t.owner_id = storage_usage.user_id AND t.file_id IS NULL);

-- The bytes an unfinished resumable upload still sets aside in its owner's usage (its
-- Upload-Length until the file made of it is counted, then 0).
ALTER TABLE tus_uploads ADD COLUMN reserved BIGINT NOT NULL DEFAULT 0;
UPDATE tus_uploads SET reserved = upload_length WHERE file_id IS NULL;
