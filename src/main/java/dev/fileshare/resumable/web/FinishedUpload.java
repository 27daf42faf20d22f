package dev.fileshare.resumable.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.fileshare.files.FileView;
import java.time.Instant;

/**
 * The file a finished upload became, in the shape of {@code GET /api/files/{id}/} plus {@code url},
 * the file's own address.
 */
record FinishedUpload(
    long id,
    String url,
    String pdf,
    String name,
    long size,
    @JsonProperty("content_type") String contentType,
    String sha256,
    String owner,
    String visibility,
    Instant created,
    Instant updated) {

  /** The file, with its own address and the address of its bytes. */
  static FinishedUpload of(FileView file, String url, String pdf) {
    return new FinishedUpload(
        file.id(),
        url,
        pdf,
        file.name(),
        file.size(),
        file.contentType(),
        file.sha256(),
        file.owner(),
        file.visibility().wire(),
        file.created(),
        file.updated());
  }
}
