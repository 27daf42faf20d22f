package dev.fileshare.files;

import dev.fileshare.files.FileRows.BlobRef;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A row of the file_versions table: earlier content of a file, kept when a replace or a restore
 * made it no longer current. {@code number} is the number it had while it was current; it was
 * uploaded by {@code uploadedBy} (null: someone without an account, or an account since deleted) at
 * {@code createdAt}, and stopped being current at {@code replacedAt} through {@code replacedBy}.
 */
record VersionRow(
    long id,
    long fileId,
    long number,
    String store,
    String blobKey,
    long size,
    String sha256,
    String contentType,
    long createdAt,
    @Nullable Long uploadedBy,
    long replacedAt,
    @Nullable Long replacedBy) {

  BlobRef blob() {
    return new BlobRef(store, blobKey);
  }

  /**
   * The current content of a file as the version it becomes when {@code by} replaces it at {@code
   * now}: the number it has now, and who uploaded it (the owner, when nobody is recorded for a
   * file's first content that did not come through a file request).
   */
  static VersionRow replacing(FileRow file, @Nullable Long by, long now) {
    var original = file.contentAt() == null;
    var uploadedBy =
        original
            ? (file.requestId() == null ? Long.valueOf(file.ownerId()) : null)
            : file.contentBy();
    return new VersionRow(
        0,
        file.id(),
        file.version(),
        file.store(),
        file.blobKey(),
        file.size(),
        file.sha256(),
        file.contentType(),
        Objects.requireNonNullElse(file.contentAt(), file.createdAt()),
        uploadedBy,
        now,
        by);
  }
}
