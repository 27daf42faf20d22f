package dev.fileshare.files;

import dev.fileshare.shared.UserId;

/** A row of the files table. */
record FileRow(
    long id,
    long ownerId,
    String name,
    String blobKey,
    long size,
    String sha256,
    String contentType,
    String visibility,
    long createdAt,
    long updatedAt) {

  UserId owner() {
    return new UserId(ownerId);
  }

  boolean ownedBy(UserId user) {
    return ownerId == user.value();
  }

  Visibility visibilityValue() {
    return Visibility.parse(visibility).orElse(Visibility.PRIVATE);
  }
}
