package dev.fileshare.files;

import dev.fileshare.shared.UserId;
import org.jspecify.annotations.Nullable;

/**
 * A row of the files table; {@code store} names the blob store that holds {@code blobKey}, {@code
 * requestId} the file request it came through, if any. {@code version} is the number of the current
 * content, uploaded by {@code contentBy} (null: the owner) at {@code contentAt} (null: {@code
 * createdAt}); {@code deletedAt} is when the file went to the trash (null: it is not there).
 */
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
    long updatedAt,
    String store,
    @Nullable Long requestId,
    long version,
    @Nullable Long contentBy,
    @Nullable Long contentAt,
    @Nullable Long deletedAt) {

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
