-- The parts a resumable upload arrives in are pieces, in the schema as in the code.
ALTER TABLE tus_chunks RENAME TO tus_pieces;
ALTER TABLE tus_pieces RENAME COLUMN chunk_offset TO piece_offset;
