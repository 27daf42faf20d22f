package dev.fileshare.files;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A file as callers see it.
 *
 * @param id the file's id
 * @param name the original filename, cleaned
 * @param size the size in bytes
 * @param contentType the media type detected from the bytes
 * @param sha256 the SHA-256 of the bytes, lower-case hex
 * @param owner the owner's username
 * @param visibility who besides the owner sees it
 * @param created when it was uploaded
 * @param updated when its content or metadata last changed
 * @param sharedBy who shared it with the caller by name (its owner); {@code null} unless it is
 * @param permission what the caller may do with it as shared with them; {@code null} unless it is
 * @param request the file request it came through; {@code null} unless it did
 * @param version the number of its current content: 1 for the first upload, one more for each
 *     replace or restore
 * @param details what other modules add to the file's JSON ({@link FileDetail}), by member name
 */
public record FileView(
    long id,
    String name,
    long size,
    String contentType,
    String sha256,
    String owner,
    Visibility visibility,
    Instant created,
    Instant updated,
    @Nullable String sharedBy,
    @Nullable SharePermission permission,
    @Nullable Long request,
    long version,
    Map<String, Object> details) {

  /** The view for a caller with this share of the file (none: the view as it is). */
  FileView sharedAs(Optional<SharePermission> share) {
    return share
        .map(
            p ->
                new FileView(
                    id,
                    name,
                    size,
                    contentType,
                    sha256,
                    owner,
                    visibility,
                    created,
                    updated,
                    owner,
                    p,
                    request,
                    version,
                    details))
        .orElse(this);
  }

  /** The same file with these details. */
  FileView withDetails(Map<String, Object> details) {
    return new FileView(
        id,
        name,
        size,
        contentType,
        sha256,
        owner,
        visibility,
        created,
        updated,
        sharedBy,
        permission,
        request,
        version,
        details);
  }
}
