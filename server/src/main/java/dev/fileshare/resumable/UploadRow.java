package dev.fileshare.resumable;

import org.jspecify.annotations.Nullable;

/** A row of the tus_uploads table. */
record UploadRow(
    String id,
    long ownerId,
    long uploadLength,
    long uploadOffset,
    @Nullable String metadata,
    @Nullable Long fileId,
    @Nullable String lockToken,
    long lockedUntil,
    long createdAt,
    long expiresAt) {

  boolean complete() {
    return uploadOffset == uploadLength;
  }
}
