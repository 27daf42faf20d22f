-- How many times what other modules add to a file's JSON (what is inside the document, its
-- previews) has changed. Those details change without the file's row changing, so a list keeps
-- each file's view, details included, under (id, updated_at, details_changes): one more column
-- read, where every list read two more tables and parsed each document's facts.
ALTER TABLE files ADD COLUMN details_changes BIGINT NOT NULL DEFAULT 0;
