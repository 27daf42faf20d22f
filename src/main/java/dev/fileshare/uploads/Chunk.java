package dev.fileshare.uploads;

/**
 * A piece of an upload: {@code length} bytes from {@code chunkOffset}, stored under {@code
 * blobKey}.
 */
record Chunk(long chunkOffset, long length, String blobKey) {}
