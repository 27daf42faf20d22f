package dev.fileshare.files.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * A file on the wire: the original's {@code id} and {@code pdf} (now an absolute link that
 * downloads the file with a token), then its metadata. Written by {@link FileAnswerSerializer}, in
 * the order of the components here.
 */
@JsonSerialize(using = FileAnswerSerializer.class)
record FileAnswer(
    long id,
    String pdf,
    String name,
    long size,
    @JsonProperty("content_type") String contentType,
    String sha256,
    String owner,
    String visibility,
    Instant created,
    Instant updated) {

  /** DRF's limit/offset envelope. */
  record Page(long count, String next, String previous, List<FileAnswer> results) {}

  /** The original's {@code GET /api/all_files/} answer. */
  record AllFiles(List<FileAnswer> files) {}
}
