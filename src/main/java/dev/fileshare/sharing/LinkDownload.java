package dev.fileshare.sharing;

import dev.fileshare.files.FileContent;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One download through a link, allowed so far: what was checked before any byte (the link works,
 * the password was given). Whether it counts is decided when bytes are about to go out.
 */
public final class LinkDownload {

  private final LinkRow link;
  private final Visitor visitor;
  private final FileContent content;
  private final DownloadCounter counter;
  private final AccessLog log;
  private final @Nullable String recipient;

  LinkDownload(
      LinkRow link,
      Visitor visitor,
      @Nullable String recipient,
      FileContent content,
      DownloadCounter counter,
      AccessLog log) {
    this.link = link;
    this.recipient = recipient;
    this.visitor = visitor;
    this.content = content;
    this.counter = counter;
    this.log = log;
  }

  public FileContent content() {
    return content;
  }

  /**
   * Bytes are about to be sent: the whole file ({@code ranged} false), which counts, or a range,
   * which counts unless the same visitor is resuming a download already counted. Refuses with 410
   * when the link has no download left or expired in the meantime.
   */
  public void starting(boolean ranged, long length) {
    if (!ranged || !counter.resumes(link, visitor)) {
      counter.count(link, visitor, content.file().name(), Optional.ofNullable(recipient));
    }
    log.record(link, LinkEvent.Kind.DOWNLOAD_STARTED, visitor, length, recipient);
  }

  /** The download ended, with all its bytes sent or fewer. */
  public void ended(long sent, long planned) {
    var kind =
        sent >= planned ? LinkEvent.Kind.DOWNLOAD_COMPLETED : LinkEvent.Kind.DOWNLOAD_INTERRUPTED;
    log.record(link, kind, visitor, sent, recipient);
  }
}
