package dev.fileshare.sharing;

import dev.fileshare.shared.UserId;
import java.util.Locale;
import java.util.Optional;

/**
 * Something that happened to a link, published for the owner's activity feed once it happened (a
 * counted download in the transaction that counts it). Not the access log ({@link LinkEvent}): a
 * resumed range or a visit of the page is not told here.
 *
 * @param owner whose link (and file) it is
 * @param actor who did it: the owner for a link made or revoked; empty for a download through it,
 *     as a visitor has no account
 * @param linkId the link
 * @param fileId the file it leads to
 * @param fileName the file's name
 * @param action what happened
 * @param detail the address the visitor proved, for a download through a link for named people; the
 *     link's id otherwise
 */
public record LinkActivity(
    UserId owner,
    Optional<UserId> actor,
    long linkId,
    long fileId,
    String fileName,
    Action action,
    String detail) {

  /** What happened; {@link #wire()} is the name in the feed's JSON. */
  public enum Action {
    CREATED,
    REVOKED,
    DOWNLOADED;

    public String wire() {
      return "link_" + name().toLowerCase(Locale.ROOT);
    }
  }

  static LinkActivity created(LinkRow link, String fileName) {
    return byOwner(link, fileName, Action.CREATED);
  }

  static LinkActivity revoked(LinkRow link, String fileName) {
    return byOwner(link, fileName, Action.REVOKED);
  }

  /** A download that counted, by a visitor who proved {@code recipient} (empty: nobody named). */
  static LinkActivity downloaded(LinkRow link, String fileName, Optional<String> recipient) {
    return new LinkActivity(
        link.owner(),
        Optional.empty(),
        link.id(),
        link.fileId(),
        fileName,
        Action.DOWNLOADED,
        recipient.orElse(String.valueOf(link.id())));
  }

  private static LinkActivity byOwner(LinkRow link, String fileName, Action action) {
    return new LinkActivity(
        link.owner(),
        Optional.of(link.owner()),
        link.id(),
        link.fileId(),
        fileName,
        action,
        String.valueOf(link.id()));
  }
}
