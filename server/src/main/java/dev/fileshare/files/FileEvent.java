package dev.fileshare.files;

import dev.fileshare.shared.UserId;
import java.util.Optional;

/**
 * Something that happened to a file, published after (or in the transaction of) the change, for the
 * owner's activity feed.
 *
 * @param owner whose file it is
 * @param actor who did it; empty: someone without an account (a file request's uploader)
 * @param fileId the file
 * @param fileName its name after the change
 * @param action what happened
 * @param detail what the action needs besides, or {@code ""}: the old name of a rename, the new
 *     visibility, the version number restored or deleted, the username shared with
 */
public record FileEvent(
    UserId owner,
    Optional<UserId> actor,
    long fileId,
    String fileName,
    Action action,
    String detail) {

  /** What happened; {@link #wire()} is the name in the feed's JSON. */
  public enum Action {
    UPLOADED,
    RECEIVED,
    REPLACED,
    RENAMED,
    VISIBILITY_CHANGED,
    DELETED,
    RESTORED,
    PURGED,
    VERSION_RESTORED,
    VERSION_DELETED,
    SHARED,
    UNSHARED;

    public String wire() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
