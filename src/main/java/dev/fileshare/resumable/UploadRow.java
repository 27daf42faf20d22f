package dev.fileshare.resumable;

/** A row of the tus_uploads table. */
record UploadRow(
    String id,
    long ownerId,
    long uploadLength,
    long uploadOffset,
    String metadata,
    Long fileId,
    String lockToken,
    long lockedUntil,
    long createdAt,
    long expiresAt) {

  boolean complete() {
    return uploadOffset == uploadLength;
  }
}
