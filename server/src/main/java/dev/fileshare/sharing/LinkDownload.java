package dev.fileshare.sharing;

import dev.fileshare.files.FileContent;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One download through a link, allowed so far: what was checked before any byte (the link works,
 * the password was given). Whether it counts is decided when bytes are about to go out. On a link
 * that watermarks, the copy is stamped with {@link #stamp()}, and every entry the download leaves
 * in the access log names that text.
 */
public final class LinkDownload {

  private final LinkRow link;
  private final Visitor visitor;
  private final FileContent content;
  private final DownloadCounter counter;
  private final AccessLog log;
  private final @Nullable String recipient;
  private final @Nullable String stamp;

  LinkDownload(
      LinkRow link,
      Visitor visitor,
      @Nullable String recipient,
      @Nullable String stamp,
      FileContent content,
      DownloadCounter counter,
      AccessLog log) {
    this.link = link;
    this.recipient = recipient;
    this.stamp = stamp;
    this.visitor = visitor;
    this.content = content;
    this.counter = counter;
    this.log = log;
  }

  public FileContent content() {
    return content;
  }

  /** The text to stamp on every page of the copy; empty: the file goes out as it is stored. */
  public Optional<String> stamp() {
    return Optional.ofNullable(stamp);
  }

  /**
   * Bytes are about to be sent: the whole file ({@code ranged} false), which counts, or a range,
   * which counts unless the same visitor is resuming a download already counted. Refuses with 410
   * when the link has no download left or expired in the meantime. A stamped copy's length is not
   * known beforehand: {@code length} is null.
   */
  public void starting(boolean ranged, @Nullable Long length) {
    if (!ranged || !counter.resumes(link, visitor)) {
      counter.count(link, visitor, content.file().name(), Optional.ofNullable(recipient));
    }
    log.record(link, LinkEvent.Kind.DOWNLOAD_STARTED, visitor, length, recipient, stamp);
  }

  /** The download ended, with all its bytes sent or fewer. */
  public void ended(long sent, long planned) {
    ended(sent, sent >= planned);
  }

  /** The download ended, {@code complete} or cut short, after {@code sent} bytes. */
  public void ended(long sent, boolean complete) {
    var kind = complete ? LinkEvent.Kind.DOWNLOAD_COMPLETED : LinkEvent.Kind.DOWNLOAD_INTERRUPTED;
    log.record(link, kind, visitor, sent, recipient, stamp);
  }
}
