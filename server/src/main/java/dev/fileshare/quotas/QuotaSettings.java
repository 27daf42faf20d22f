package dev.fileshare.quotas;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The quota of users for whom none was set.
 *
 * @param defaultBytes the bytes a user may store: content, versions, trash and unfinished resumable
 *     uploads ({@code FILESHARE_QUOTAS_DEFAULT_BYTES}, such as {@code 10GB}); unset: no limit
 * @param defaultFiles the files a user may have, in the trash too ({@code
 *     FILESHARE_QUOTAS_DEFAULT_FILES}); unset: no limit
 */
@ConfigurationProperties("fileshare.quotas")
record QuotaSettings(@Nullable DataSize defaultBytes, @Nullable Long defaultFiles) {

  Optional<Long> bytes() {
    return Optional.ofNullable(defaultBytes).map(DataSize::toBytes);
  }

  Optional<Long> files() {
    return Optional.ofNullable(defaultFiles);
  }
}
