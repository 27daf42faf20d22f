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

-- How many files (not in the trash) there are, kept by triggers in the transaction of every change,
-- so that the count of a page envelope is a few rows read, not a count of the table.
-- file_counts: per owner, their files and, of those, the ones visible to users.
CREATE TABLE file_counts (
    owner_id    INTEGER PRIMARY KEY,
    files       BIGINT NOT NULL,
    users_files BIGINT NOT NULL
);
-- visible_file_counts: the files visible to users, in 16 stripes (by file id) so that uploads at
-- the same time do not all wait for one row; the count is their sum.
CREATE TABLE visible_file_counts (
    stripe INTEGER PRIMARY KEY,
    files  BIGINT NOT NULL
);
WITH RECURSIVE stripes (stripe) AS (SELECT 0 UNION ALL SELECT stripe + 1 FROM stripes WHERE stripe < 15)
INSERT INTO visible_file_counts (stripe, files)
SELECT stripe, (SELECT COUNT(*) FROM files
                WHERE visibility = 'users' AND deleted_at IS NULL AND id % 16 = stripe)
FROM stripes;
INSERT INTO file_counts (owner_id, files, users_files)
SELECT owner_id, COUNT(*), SUM(visibility = 'users') FROM files WHERE deleted_at IS NULL
GROUP BY owner_id;

CREATE TRIGGER files_counted_insert AFTER INSERT ON files WHEN NEW.deleted_at IS NULL
BEGIN
    INSERT INTO file_counts (owner_id, files, users_files)
    VALUES (NEW.owner_id, 1, NEW.visibility = 'users')
    ON CONFLICT (owner_id) DO UPDATE SET files = files + 1,
                                         users_files = users_files + (NEW.visibility = 'users');
    UPDATE visible_file_counts SET files = files + 1
    WHERE NEW.visibility = 'users' AND stripe = NEW.id % 16;
END;

CREATE TRIGGER files_counted_delete AFTER DELETE ON files WHEN OLD.deleted_at IS NULL
BEGIN
    UPDATE file_counts SET files = files - 1, users_files = users_files - (OLD.visibility = 'users')
    WHERE owner_id = OLD.owner_id;
    UPDATE visible_file_counts SET files = files - 1
    WHERE OLD.visibility = 'users' AND stripe = OLD.id % 16;
END;

CREATE TRIGGER files_counted_update AFTER UPDATE OF owner_id, visibility, deleted_at ON files
WHEN OLD.owner_id <> NEW.owner_id OR OLD.visibility <> NEW.visibility
  OR (OLD.deleted_at IS NULL) <> (NEW.deleted_at IS NULL)
BEGIN
    UPDATE file_counts SET files = files - 1, users_files = users_files - (OLD.visibility = 'users')
    WHERE OLD.deleted_at IS NULL AND owner_id = OLD.owner_id;
    UPDATE visible_file_counts SET files = files - 1
    WHERE OLD.deleted_at IS NULL AND OLD.visibility = 'users' AND stripe = OLD.id % 16;
    INSERT INTO file_counts (owner_id, files, users_files)
    SELECT NEW.owner_id, 1, NEW.visibility = 'users' WHERE NEW.deleted_at IS NULL
    ON CONFLICT (owner_id) DO UPDATE SET files = files + 1,
                                         users_files = users_files + (NEW.visibility = 'users');
    UPDATE visible_file_counts SET files = files + 1
    WHERE NEW.deleted_at IS NULL AND NEW.visibility = 'users' AND stripe = NEW.id % 16;
END;

-- Names searched for a part of them without reading every name: the trigrams of each lower-case
-- name, kept by triggers. A search for three characters or more is a phrase of trigrams.
CREATE VIRTUAL TABLE file_names USING fts5 (
    name_key, content = 'files', content_rowid = 'id', tokenize = 'trigram case_sensitive 1'
);
INSERT INTO file_names (file_names) VALUES ('rebuild');

CREATE TRIGGER file_names_insert AFTER INSERT ON files
BEGIN
    INSERT INTO file_names (rowid, name_key) VALUES (NEW.id, NEW.name_key);
END;

CREATE TRIGGER file_names_delete AFTER DELETE ON files
BEGIN
    INSERT INTO file_names (file_names, rowid, name_key) VALUES ('delete', OLD.id, OLD.name_key);
END;

CREATE TRIGGER file_names_update AFTER UPDATE OF name_key ON files
WHEN OLD.name_key <> NEW.name_key
BEGIN
    INSERT INTO file_names (file_names, rowid, name_key) VALUES ('delete', OLD.id, OLD.name_key);
    INSERT INTO file_names (rowid, name_key) VALUES (NEW.id, NEW.name_key);
END;
