-- Administrators, disabled accounts and the last sign-in, for running the server for an
-- organisation. The original schema had no Django is_staff, is_active or last_login columns to
-- reuse (see V1), so they are added here.
ALTER TABLE users ADD COLUMN is_admin INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN disabled_at BIGINT; -- NULL: the account may sign in
ALTER TABLE users ADD COLUMN last_login_at BIGINT; -- NULL: never signed in since V20

-- The administrators' totals, kept by triggers in the transaction of every change, so that they
-- are a few rows read, never a count of users or files. users: accounts; files and bytes: what
-- storage_usage counts (content, versions and trash). In 16 stripes, as visible_file_counts.
CREATE TABLE site_totals (
    stripe INTEGER PRIMARY KEY,
    users  BIGINT NOT NULL,
    files  BIGINT NOT NULL,
    bytes  BIGINT NOT NULL
);
WITH RECURSIVE stripes (stripe) AS (SELECT 0 UNION ALL SELECT stripe + 1 FROM stripes WHERE stripe < 15)
INSERT INTO site_totals (stripe, users, files, bytes)
SELECT stripe,
       (SELECT COUNT(*) FROM users WHERE id % 16 = stripe),
       (SELECT COALESCE(SUM(files), 0) FROM storage_usage WHERE user_id % 16 = stripe),
       (SELECT COALESCE(SUM(bytes), 0) FROM storage_usage WHERE user_id % 16 = stripe)
FROM stripes;

CREATE TRIGGER users_totalled_insert AFTER INSERT ON users
BEGIN
    UPDATE site_totals SET users = users + 1 WHERE stripe = NEW.id % 16;
END;

CREATE TRIGGER users_totalled_delete AFTER DELETE ON users
BEGIN
    UPDATE site_totals SET users = users - 1 WHERE stripe = OLD.id % 16;
END;

CREATE TRIGGER usage_totalled_insert AFTER INSERT ON storage_usage
WHEN NEW.files <> 0 OR NEW.bytes <> 0
BEGIN
    UPDATE site_totals SET files = files + NEW.files, bytes = bytes + NEW.bytes
    WHERE stripe = NEW.user_id % 16;
END;

CREATE TRIGGER usage_totalled_update AFTER UPDATE OF files, bytes ON storage_usage
WHEN OLD.files <> NEW.files OR OLD.bytes <> NEW.bytes
BEGIN
    UPDATE site_totals SET files = files + NEW.files - OLD.files, bytes = bytes + NEW.bytes - OLD.bytes
    WHERE stripe = NEW.user_id % 16;
END;

CREATE TRIGGER usage_totalled_delete AFTER DELETE ON storage_usage
WHEN OLD.files <> 0 OR OLD.bytes <> 0
BEGIN
    UPDATE site_totals SET files = files - OLD.files, bytes = bytes - OLD.bytes
    WHERE stripe = OLD.user_id % 16;
END;
