-- Administrators, disabled accounts and the last sign-in, for running the server for an
-- organisation. The original schema had no Django is_staff, is_active or last_login columns to
-- reuse (see V1), so they are added here.
ALTER TABLE users ADD COLUMN is_admin BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE users ADD COLUMN disabled_at BIGINT; -- NULL: the account may sign in
ALTER TABLE users ADD COLUMN last_login_at BIGINT; -- NULL: never signed in since V20

-- The administrators' list pages by username and searches by the start of a username or address:
-- in byte order ("C"), as on SQLite, a prefix is one range of the unique index and the same SQL
-- pages both databases. The keys are lower case, so only the order of non-ASCII names changes.
ALTER TABLE users ALTER COLUMN username_key TYPE TEXT COLLATE "C";
ALTER TABLE users ALTER COLUMN email_key TYPE TEXT COLLATE "C";

-- The administrators' totals, kept by triggers in the transaction of every change, so that they
-- are a few rows read, never a count of users or files. users: accounts; files and bytes: what
-- storage_usage counts (content, versions and trash). In 16 stripes, as visible_file_counts.
CREATE TABLE site_totals (
    stripe INTEGER PRIMARY KEY,
    users  BIGINT NOT NULL,
    files  BIGINT NOT NULL,
    bytes  BIGINT NOT NULL
);
INSERT INTO site_totals (stripe, users, files, bytes)
SELECT s,
       (SELECT COUNT(*) FROM users WHERE id % 16 = s),
       (SELECT COALESCE(SUM(files), 0) FROM storage_usage WHERE user_id % 16 = s),
       (SELECT COALESCE(SUM(bytes), 0) FROM storage_usage WHERE user_id % 16 = s)
FROM generate_series(0, 15) AS s;

-- Deferred to the commit and striped by transaction: a transaction takes one stripe's row lock,
-- as the last lock it takes, so a change of two users' usage in one transaction cannot deadlock
-- with another on the stripes, and the locks on storage_usage keep their order.
CREATE FUNCTION site_totals_counted() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    d_users BIGINT := 0;
    d_files BIGINT := 0;
    d_bytes BIGINT := 0;
BEGIN
    IF TG_TABLE_NAME = 'users' THEN
        d_users := CASE WHEN TG_OP = 'INSERT' THEN 1 ELSE -1 END;
    ELSE
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
            d_files := NEW.files;
            d_bytes := NEW.bytes;
        END IF;
        IF TG_OP IN ('DELETE', 'UPDATE') THEN
            d_files := d_files - OLD.files;
            d_bytes := d_bytes - OLD.bytes;
        END IF;
    END IF;
    IF d_users <> 0 OR d_files <> 0 OR d_bytes <> 0 THEN
        UPDATE site_totals
        SET users = users + d_users, files = files + d_files, bytes = bytes + d_bytes
        WHERE stripe = txid_current() % 16;
    END IF;
    RETURN NULL;
END;
$$;

CREATE CONSTRAINT TRIGGER users_totalled AFTER INSERT OR DELETE ON users
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION site_totals_counted();
CREATE CONSTRAINT TRIGGER usage_totalled AFTER INSERT OR DELETE OR UPDATE OF files, bytes
    ON storage_usage DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    EXECUTE FUNCTION site_totals_counted();
