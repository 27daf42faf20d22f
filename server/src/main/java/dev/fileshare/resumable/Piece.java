package dev.fileshare.resumable;

import org.jspecify.annotations.Nullable;

/**
 * A piece of an upload: {@code length} bytes from {@code offset}, stored under {@code blobKey} in
 * the blob store named {@code store} (the one new blobs went to when the piece arrived), with the
 * SHA-256 taken as it streamed in ({@code null} for pieces stored before that was recorded).
 */
record Piece(long offset, long length, String store, String blobKey, @Nullable String sha256) {}
