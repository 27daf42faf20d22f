package dev.fileshare.files;

import java.time.Instant;

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
    Instant updated) {}
