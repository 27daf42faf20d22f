package dev.fileshare.resumable;

import dev.fileshare.files.FileView;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Where an upload stands.
 *
 * @param id the upload's id, the last part of its URL
 * @param length the size the client announced
 * @param offset how many bytes are stored
 * @param metadata the {@code Upload-Metadata} header as the client sent it
 * @param expires when the upload is removed if nothing more arrives
 * @param file the file it became, once complete; {@code null} before
 */
public record UploadState(
    String id,
    long length,
    long offset,
    @Nullable String metadata,
    Instant expires,
    @Nullable FileView file) {}
