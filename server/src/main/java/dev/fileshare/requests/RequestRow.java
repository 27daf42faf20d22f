package dev.fileshare.requests;

import dev.fileshare.shared.UserId;
import dev.fileshare.sharing.Recipients;
import org.jspecify.annotations.Nullable;

/** A row of the file_requests table. */
record RequestRow(
    long id,
    long ownerId,
    String token,
    String title,
    String instructions,
    @Nullable Long expiresAt,
    @Nullable String passwordHash,
    @Nullable Long maxFiles,
    @Nullable Long maxFileSize,
    boolean requireName,
    boolean requireEmail,
    boolean notifyOwner,
    boolean closed,
    long received,
    long createdAt,
    long updatedAt,
    Recipients recipients) {

  UserId owner() {
    return new UserId(ownerId);
  }

  boolean hasPassword() {
    return passwordHash != null;
  }

  boolean expired(long now) {
    return expiresAt != null && expiresAt <= now;
  }

  boolean full() {
    return maxFiles != null && received >= maxFiles;
  }
}
