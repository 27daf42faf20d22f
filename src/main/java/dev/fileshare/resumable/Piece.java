package dev.fileshare.resumable;

/**
 * A piece of an upload: {@code length} bytes from {@code chunkOffset}, stored under {@code
 * blobKey}.
 */
record Piece(long chunkOffset, long length, String blobKey) {}
