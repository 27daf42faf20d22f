package dev.fileshare.quotas;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A user's usage as {@code GET /api/user/me/} shows it in {@code usage}, and the administrators'
 * list of users too.
 *
 * @param bytes the bytes of their files' current content, versions and trash
 * @param reserved the announced length of their unfinished resumable uploads
 * @param files their files, those in the trash too
 * @param quotaBytes the most {@code bytes + reserved} may be; {@code null}: no limit
 * @param quotaFiles the most {@code files} may be; {@code null}: no limit
 */
public record UsageAnswer(
    long bytes,
    long reserved,
    long files,
    @JsonProperty("quota_bytes") @Nullable Long quotaBytes,
    @JsonProperty("quota_files") @Nullable Long quotaFiles) {

  public static UsageAnswer of(Usage usage) {
    return new UsageAnswer(
        usage.bytes(),
        usage.reserved(),
        usage.files(),
        usage.quotaBytes().orElse(null),
        usage.quotaFiles().orElse(null));
  }
}
