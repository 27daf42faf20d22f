package dev.fileshare.sharing;

import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * One entry of a link's access log.
 *
 * @param id the entry's id; pages of the log go on from the smallest id of the last page
 * @param link the link's id (the link may have been revoked since)
 * @param kind what happened
 * @param at when
 * @param address as much of the client's address as the server keeps, or null
 * @param userAgent the client's User-Agent, shortened
 * @param bytes for downloads: the bytes to send (started) or sent (ended)
 * @param recipient the address the visitor proved with a code, on a restricted link
 * @param stamp the text stamped on the copy that went out, on a link that watermarks
 */
public record LinkEvent(
    long id,
    long link,
    Kind kind,
    Instant at,
    @Nullable String address,
    @Nullable String userAgent,
    @Nullable Long bytes,
    @Nullable String recipient,
    @Nullable String stamp) {

  /** What happened. */
  public enum Kind {
    VISIT,
    PASSWORD_FAILED,
    CODE_FAILED,
    RECIPIENT_VERIFIED,
    DOWNLOAD_STARTED,
    DOWNLOAD_COMPLETED,
    DOWNLOAD_INTERRUPTED,
    /** A page of a view-only link was rendered for the visitor. */
    PAGE_VIEWED;

    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }

    static Kind parse(String wire) {
      return Arrays.stream(values())
          .filter(kind -> kind.wire().equals(wire))
          .findFirst()
          .orElse(VISIT);
    }
  }
}
