package dev.fileshare.files;

import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many earlier versions of a file are kept, and for how long; the oldest go first when either
 * limit is passed.
 *
 * @param maxCount the most versions a file keeps ({@code FILESHARE_VERSIONS_MAX_COUNT}); 0 keeps
 *     none
 * @param maxAge how long a version is kept after it stopped being current ({@code
 *     FILESHARE_VERSIONS_MAX_AGE}, such as {@code 90d}); unset: no age limit
 * @param cleanupInterval how often versions past {@code maxAge} are looked for ({@code
 *     FILESHARE_VERSIONS_CLEANUP_INTERVAL}); files that are replaced or restored are trimmed at
 *     once
 */
@ConfigurationProperties("fileshare.versions")
record VersionSettings(
    @DefaultValue("10") int maxCount,
    @Nullable Duration maxAge,
    @DefaultValue("1h") Duration cleanupInterval) {

  VersionSettings {
    if (maxCount < 0) {
      throw new IllegalArgumentException("fileshare.versions.max-count may not be negative");
    }
    if (maxAge != null && (maxAge.isNegative() || maxAge.isZero())) {
      throw new IllegalArgumentException("fileshare.versions.max-age must be longer than 0");
    }
  }

  Optional<Duration> age() {
    return Optional.ofNullable(maxAge);
  }
}
