package dev.fileshare.files.verify;

import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How stored blobs are read back and checked.
 *
 * @param rate the most bytes a second a verification reads ({@code FILESHARE_VERIFY_RATE}, default
 *     50MB; 0: no limit)
 * @param interval how often the server itself runs a verification, on one node at a time ({@code
 *     FILESHARE_VERIFY_INTERVAL}, e.g. {@code 7d}); unset: only the command runs one
 */
@ConfigurationProperties("fileshare.verify")
record VerifySettings(@DefaultValue("50MB") DataSize rate, @Nullable Duration interval) {

  VerifySettings {
    if (rate.isNegative()) {
      throw new IllegalArgumentException("fileshare.verify.rate must not be negative");
    }
    if (interval != null && (interval.isNegative() || interval.isZero())) {
      throw new IllegalArgumentException("fileshare.verify.interval must be positive");
    }
  }

  Optional<Duration> every() {
    return Optional.ofNullable(interval);
  }
}
