-- Lists over a million files.
--
-- A caller sees a file for one of three reasons: it is visible to users, it is their own, or it is
-- shared with them by name. A page of a list is the merge of the first rows of each of the three,
-- each walked in the list's order through an index of its own, so that no page filters a whole
-- table whatever the order asked for (created, name, size) and however deep a cursor points.
CREATE INDEX files_visibility_name ON files (visibility, name_key, id);
CREATE INDEX files_visibility_size ON files (visibility, size, id);
CREATE INDEX files_owner_name ON files (owner_id, name_key, id);
CREATE INDEX files_owner_size ON files (owner_id, size, id);

-- How many files (not in the trash) there are, kept by a trigger in the transaction of every
-- change, so that the count of a page envelope is a few rows read, not a count of the table.
-- file_counts: per owner, their files and, of those, the ones visible to users.
CREATE TABLE file_counts (
    owner_id    BIGINT PRIMARY KEY,
    files       BIGINT NOT NULL,
    users_files BIGINT NOT NULL
);
-- visible_file_counts: the files visible to users, in 16 stripes (by file id) so that uploads at
-- the same time do not all wait for one row; the count is their sum.
CREATE TABLE visible_file_counts (
    stripe INTEGER PRIMARY KEY,
    files  BIGINT NOT NULL
);
INSERT INTO visible_file_counts (stripe, files)
SELECT s, (SELECT COUNT(*) FROM files
           WHERE visibility = 'users' AND deleted_at IS NULL AND id % 16 = s)
FROM generate_series(0, 15) AS s;
INSERT INTO file_counts (owner_id, files, users_files)
SELECT owner_id, COUNT(*), COUNT(*) FILTER (WHERE visibility = 'users') FROM files
WHERE deleted_at IS NULL GROUP BY owner_id;

CREATE FUNCTION files_counted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.deleted_at IS NULL THEN
        UPDATE file_counts
        SET files = files - 1,
            users_files = users_files - CASE WHEN OLD.visibility = 'users' THEN 1 ELSE 0 END
        WHERE owner_id = OLD.owner_id;
        IF OLD.visibility = 'users' THEN
            UPDATE visible_file_counts SET files = files - 1 WHERE stripe = OLD.id % 16;
        END IF;
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') AND NEW.deleted_at IS NULL THEN
        INSERT INTO file_counts (owner_id, files, users_files)
        VALUES (NEW.owner_id, 1, CASE WHEN NEW.visibility = 'users' THEN 1 ELSE 0 END)
        ON CONFLICT (owner_id) DO UPDATE
            SET files = file_counts.files + 1,
                users_files = file_counts.users_files + excluded.users_files;
        IF NEW.visibility = 'users' THEN
            UPDATE visible_file_counts SET files = files + 1 WHERE stripe = NEW.id % 16;
        END IF;
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER files_counted_insert AFTER INSERT ON files
    FOR EACH ROW WHEN (NEW.deleted_at IS NULL) EXECUTE FUNCTION files_counted();
CREATE TRIGGER files_counted_delete AFTER DELETE ON files
    FOR EACH ROW WHEN (OLD.deleted_at IS NULL) EXECUTE FUNCTION files_counted();
CREATE TRIGGER files_counted_update AFTER UPDATE OF owner_id, visibility, deleted_at ON files
    FOR EACH ROW
    WHEN (OLD.owner_id <> NEW.owner_id OR OLD.visibility <> NEW.visibility
          OR (OLD.deleted_at IS NULL) <> (NEW.deleted_at IS NULL))
    EXECUTE FUNCTION files_counted();

-- Names searched for a part of them without reading every name: a trigram index of the lower-case
-- names, which LIKE '%part%' uses (pg_trgm is a trusted extension: the database's owner may create
-- it).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX files_name_trigrams ON files USING gin (name_key gin_trgm_ops);
