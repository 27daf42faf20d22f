-- The parts a resumable upload arrives in are pieces, in the schema as in the code.
ALTER TABLE tus_chunks RENAME TO tus_pieces;
ALTER TABLE tus_pieces RENAME COLUMN chunk_offset TO piece_offset;
ALTER TABLE tus_pieces RENAME CONSTRAINT tus_chunks_pkey TO tus_pieces_pkey;
ALTER TABLE tus_pieces RENAME CONSTRAINT tus_chunks_blob_key_key TO tus_pieces_blob_key_key;
ALTER TABLE tus_pieces RENAME CONSTRAINT tus_chunks_upload_id_fkey TO tus_pieces_upload_id_fkey;

-- Which blob store holds each piece, as files.store does for files: an upload goes on, and is made
-- a file, whichever store the nodes write to now. Existing pieces are in the store the server was
-- configured with when this ran (fileshare.storage.type); every piece written since names its own.
ALTER TABLE tus_pieces ADD COLUMN store TEXT NOT NULL DEFAULT lower('${storage_type}');
ALTER TABLE tus_pieces ALTER COLUMN store DROP DEFAULT;
