package dev.fileshare.sharing;

import dev.fileshare.shared.UserId;
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
    @Nullable String recipientLines) {

  /** Who may open it; nobody named: anyone with the link. */
  Recipients recipients() {
    return Recipients.stored(recipientLines);
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
