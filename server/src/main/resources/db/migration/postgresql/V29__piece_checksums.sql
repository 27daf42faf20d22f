-- The SHA-256 of each piece of a resumable upload, taken while it streamed in: an upload that came
-- in one piece becomes its file without its bytes being read and written again. Pieces stored
-- before this have none and are copied as before.
ALTER TABLE tus_pieces ADD COLUMN sha256 TEXT;
