-- The parts a resumable upload arrives in are pieces, in the schema as in the code.
ALTER TABLE tus_chunks RENAME TO tus_pieces;
ALTER TABLE tus_pieces RENAME COLUMN chunk_offset TO piece_offset;

-- Which blob store holds each piece, as files.store does for files: an upload goes on, and is made
-- a file, whichever store the nodes write to now. Existing pieces are in the store the server was
-- configured with when this ran (fileshare.storage.type).
ALTER TABLE tus_pieces ADD COLUMN store TEXT NOT NULL DEFAULT 'local';
UPDATE tus_pieces SET store = lower('${storage_type}');
