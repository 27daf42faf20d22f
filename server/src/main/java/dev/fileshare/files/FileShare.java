package dev.fileshare.files;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A file shared with a named person, as its owner sees it.
 *
 * @param id the share's id
 * @param file the file's id
 * @param user the recipient's username; {@code null} while the share is an invitation
 * @param email the invited address, only while the share is an invitation
 * @param permission what the recipient may do
 * @param sharedBy the username of the owner, who shared it
 * @param created when it was shared
 * @param updated when its permission last changed
 */
public record FileShare(
    long id,
    long file,
    @Nullable String user,
    @Nullable String email,
    SharePermission permission,
    String sharedBy,
    Instant created,
    Instant updated) {

  /** Whether it waits for someone to register and confirm the invited address. */
  public boolean pending() {
    return user == null;
  }

  /**
   * A file was shared with someone for the first time: they are to be told by mail.
   *
   * @param email where the mail goes
   * @param username the recipient's username, {@code null} for an invitation
   * @param fileName the file's name
   * @param sharedBy the username of the owner who shared it
   * @param permission what the recipient may do
   * @param link where the file is in the web page, or for an invitation where to sign up
   */
  public record Created(
      String email,
      @Nullable String username,
      String fileName,
      String sharedBy,
      SharePermission permission,
      String link) {

    /** Whether the address has no confirmed account yet. */
    public boolean invitation() {
      return username == null;
    }
  }
}
