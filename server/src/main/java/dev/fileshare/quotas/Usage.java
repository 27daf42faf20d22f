package dev.fileshare.quotas;

import java.util.Optional;

/**
 * What a user stores and may store.
 *
 * @param bytes the bytes of their files' current content, versions and trash
 * @param files their files, those in the trash too
 * @param reserved the announced length of their unfinished resumable uploads
 * @param quotaBytes the most {@code bytes + reserved} may be; empty: no limit
 * @param quotaFiles the most {@code files} may be; empty: no limit
 */
public record Usage(
    long bytes, long files, long reserved, Optional<Long> quotaBytes, Optional<Long> quotaFiles) {

  /** The bytes counted against the quota. */
  public long used() {
    return bytes + reserved;
  }

  /** The bytes that may still be added ({@link Long#MAX_VALUE} without a limit). */
  public long remaining() {
    return quotaBytes.map(quota -> Math.max(0, quota - used())).orElse(Long.MAX_VALUE);
  }
}
