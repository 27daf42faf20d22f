package dev.fileshare.files;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An earlier version of a file as callers see it.
 *
 * @param number the number it had while it was the current content
 * @param size the size in bytes
 * @param sha256 the SHA-256 of the bytes, lower-case hex
 * @param contentType the media type detected from the bytes
 * @param created when this content was uploaded
 * @param uploadedBy who uploaded it; {@code null} for someone without an account (a file request's
 *     uploader) or an account since deleted
 * @param replaced when it stopped being the current content
 * @param replacedBy who replaced it (by an upload or a restore); {@code null} for an account since
 *     deleted
 */
public record VersionView(
    long number,
    long size,
    String sha256,
    String contentType,
    Instant created,
    @Nullable String uploadedBy,
    Instant replaced,
    @Nullable String replacedBy) {}
