package dev.fileshare.storage;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where blobs are kept.
 *
 * @param type which {@link BlobStore} implementation stores the blobs ({@code
 *     FILESHARE_STORAGE_TYPE}, default {@code local})
 * @param local settings of the local-disk store
 * @param sweepGrace how old a half-written upload or an unreferenced blob must be before it is
 *     removed, so that an upload still in progress is never taken for an orphan ({@code
 *     FILESHARE_STORAGE_SWEEP_GRACE}, default one hour)
 */
@ConfigurationProperties("fileshare.storage")
public record StorageSettings(
    @DefaultValue("local") Type type,
    @DefaultValue Local local,
    @DefaultValue("1h") Duration sweepGrace) {

  /** The kinds of store. */
  public enum Type {
    /** Files under a directory of the server's disk. */
    LOCAL
  }

  /**
   * @param root the directory blobs are kept in ({@code FILESHARE_STORAGE_LOCAL_ROOT}); when unset,
   *     {@code blobs} under the data directory
   */
  public record Local(Path root) {}
}
