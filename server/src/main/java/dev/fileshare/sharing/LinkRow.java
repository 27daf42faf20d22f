package dev.fileshare.sharing;

import dev.fileshare.shared.UserId;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;

/** A row of the share_links table. Times are epoch milliseconds. */
record LinkRow(
    long id,
    long fileId,
    long ownerId,
    String token,
    String label,
    @Nullable Long expiresAt,
    @Nullable String passwordHash,
    @Nullable Long maxDownloads,
    long downloads,
    boolean notifyFirstDownload,
    long createdAt,
    long updatedAt,
    @Nullable String recipientLines,
    LinkMode mode,
    boolean watermark) {

  /** Who may open it; nobody named: anyone with the link. */
  Recipients recipients() {
    return Recipients.stored(recipientLines);
  }

  /**
   * The text stamped on a copy served now: the recipient's verified address, else the link's label,
   * else its number; then the date and time in UTC, to the minute.
   */
  String stamp(@Nullable String recipient, Instant now) {
    var who = recipient != null ? recipient : label.isBlank() ? "link " + id : label;
    var when =
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC).format(now);
    return who + " \u00b7 " + when;
  }

  UserId owner() {
    return new UserId(ownerId);
  }

  boolean expired(long now) {
    return expiresAt != null && expiresAt <= now;
  }

  boolean usedUp() {
    return maxDownloads != null && downloads >= maxDownloads;
  }

  boolean hasPassword() {
    return passwordHash != null;
  }
}
