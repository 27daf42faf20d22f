package dev.fileshare.resumable.web;

import com.fasterxml.jackson.annotation.JsonProperty;
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
    Instant updated) {}
