package dev.fileshare.resumable;

/** A piece of an upload: {@code length} bytes from {@code offset}, stored under {@code blobKey}. */
record Piece(long offset, long length, String blobKey) {}
