package dev.fileshare.resumable;

/**
 * A piece of an upload: {@code length} bytes from {@code offset}, stored under {@code blobKey} in
 * the blob store named {@code store} (the one new blobs went to when the piece arrived).
 */
record Piece(long offset, long length, String store, String blobKey) {}
