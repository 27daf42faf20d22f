package dev.fileshare.files;

import java.time.Duration;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What uploads may be, and how often orphaned blobs are cleaned up.
 *
 * @param maxUploadSize the largest file accepted ({@code FILESHARE_MAX_UPLOAD_SIZE})
 * @param allowedTypes the media types accepted, decided from the bytes ({@code
 *     FILESHARE_ALLOWED_TYPES}, comma separated)
 * @param defaultVisibility who sees a new file when the upload does not say ({@code
 *     FILESHARE_DEFAULT_VISIBILITY}: {@code users} or {@code private})
 * @param files the sweeper's timing ({@code fileshare.files.*})
 */
@ConfigurationProperties("fileshare")
public record FilesSettings(
    @DefaultValue("1GB") DataSize maxUploadSize,
    @DefaultValue("application/pdf") Set<String> allowedTypes,
    @DefaultValue("users") Visibility defaultVisibility,
    @DefaultValue Sweep files) {

  /**
   * The sweeper that removes half-written uploads and blobs no file refers to (how old they must be
   * is the storage module's {@code fileshare.storage.sweep-grace}).
   *
   * @param sweepInterval time between two sweeps; one runs at start ({@code
   *     FILESHARE_FILES_SWEEP_INTERVAL})
   */
  public record Sweep(@DefaultValue("1h") Duration sweepInterval) {}
}
