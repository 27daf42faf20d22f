package dev.fileshare.sharing;

import java.time.Clock;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Writes the access log of links, keeping as much of each address as the settings say, and reads it
 * back a page at a time.
 */
@Component
class AccessLog {

  private static final int USER_AGENT_MAX = 300;

  private final LinkEventRows rows;
  private final SharingSettings settings;
  private final Clock clock;

  AccessLog(LinkEventRows rows, SharingSettings settings, Clock clock) {
    this.rows = rows;
    this.settings = settings;
    this.clock = clock;
  }

  void record(LinkRow link, LinkEvent.Kind kind, Visitor visitor, @Nullable Long bytes) {
    record(link, kind, visitor, bytes, null);
  }

  /** An entry that names the address the visitor proved, on a restricted link. */
  void record(
      LinkRow link,
      LinkEvent.Kind kind,
      Visitor visitor,
      @Nullable Long bytes,
      @Nullable String recipient) {
    record(link, kind, visitor, bytes, recipient, null);
  }

  /** An entry for a copy that went out stamped with {@code stamp}. */
  void record(
      LinkRow link,
      LinkEvent.Kind kind,
      Visitor visitor,
      @Nullable Long bytes,
      @Nullable String recipient,
      @Nullable String stamp) {
    rows.insert(
        link.id(),
        link.fileId(),
        kind,
        clock.millis(),
        Addresses.kept(visitor.address(), settings.logAddresses()),
        userAgent(visitor.userAgent()),
        bytes,
        recipient,
        stamp);
  }

  List<LinkEvent> ofLink(long linkId, long before, int limit) {
    return rows.ofLink(linkId, before, limit);
  }

  List<LinkEvent> ofFile(long fileId, long before, int limit) {
    return rows.ofFile(fileId, before, limit);
  }

  /** Without control characters, and at most a few hundred characters. */
  private static @Nullable String userAgent(@Nullable String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    var clean = text.replaceAll("\\p{Cntrl}", "").strip();
    return clean.length() > USER_AGENT_MAX ? clean.substring(0, USER_AGENT_MAX) : clean;
  }
}
