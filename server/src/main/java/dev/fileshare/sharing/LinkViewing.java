package dev.fileshare.sharing;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.fileshare.auth.RateLimiter;
import dev.fileshare.files.FileContent;
import dev.fileshare.files.FileLookup;
import dev.fileshare.inspection.PageRenderer;
import dev.fileshare.shared.ApiException;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Reading a view-only link: its pages rendered by the server as pictures, so that the document's
 * own bytes never leave through the link. The same checks as a download (the link works, the
 * password was given, the recipient proved their address), a bound on pages rendered per minute for
 * each link, and on a link that watermarks, each picture stamped and its stamp in the access log.
 * Reading does not count as a download. Drawing takes one of a few slots of the node (so many
 * visitors at once wait, then get 503, instead of taking every thread), and drawn pages are kept
 * for the next visitor, bounded in bytes.
 */
@Service
public class LinkViewing {

  private final PublicLinkService links;
  private final FileLookup files;
  private final PageRenderer renderer;
  private final RateLimiter limits;
  private final SharingSettings settings;
  private final AccessLog log;
  private final Clock clock;
  private final Semaphore drawing;

  /** Pages drawn lately, by content, page, width and stamp: a stamp names its minute. */
  private final Cache<PageKey, byte[]> drawn;

  /** Page counts by content. */
  private final Cache<String, Integer> counted = Caffeine.newBuilder().maximumSize(10_000).build();

  private record PageKey(String sha256, int page, int width, Optional<String> stamp) {}

  LinkViewing(
      PublicLinkService links,
      FileLookup files,
      PageRenderer renderer,
      RateLimiter limits,
      SharingSettings settings,
      AccessLog log,
      Clock clock) {
    this.links = links;
    this.files = files;
    this.renderer = renderer;
    this.limits = limits;
    this.settings = settings;
    this.log = log;
    this.clock = clock;
    this.drawing = new Semaphore(Math.max(1, settings.renderConcurrency()), true);
    this.drawn =
        Caffeine.newBuilder()
            .maximumWeight(Math.max(0, settings.renderCache().toBytes()))
            .weigher((PageKey key, byte[] png) -> png.length)
            .build();
  }

  /** What a view-only link's document is called and how many pages it has. */
  public record Document(String name, int pages) {}

  public Document pages(String token, Visitor visitor) {
    var opened = open(token, visitor);
    var file = opened.content().file();
    var pages = counted.getIfPresent(file.sha256());
    if (pages == null) {
      pages =
          drawing(
              () -> {
                try (var channel = opened.content().channel()) {
                  return renderer.pages(channel);
                }
              });
      if (pages < 1) {
        throw unreadable();
      }
      counted.put(file.sha256(), pages);
    }
    return new Document(file.name(), pages);
  }

  /** Page {@code page} (from 1) as a PNG {@code width} pixels wide; 429 past the link's bound. */
  public byte[] page(String token, Visitor visitor, int page, int width) {
    var opened = open(token, visitor);
    var link = opened.link();
    limits.take("link-view:" + link.id(), settings.viewPages());
    var recipient = opened.recipient().orElse(null);
    var stamp =
        link.watermark()
            ? Optional.of(link.stamp(recipient, clock.instant()))
            : Optional.<String>empty();
    var key = new PageKey(opened.content().file().sha256(), page, width, stamp);
    var png = drawn.getIfPresent(key);
    if (png == null) {
      png =
          drawing(
                  () -> {
                    try (var channel = opened.content().channel()) {
                      return renderer.page(channel, page, width, stamp);
                    }
                  })
              .orElseThrow(
                  () ->
                      new ApiException(
                          HttpStatus.NOT_FOUND,
                          "The document has no page " + page + ".",
                          Map.of("error", "no_such_page"),
                          Map.of()));
      drawn.put(key, png);
    }
    log.record(
        link,
        LinkEvent.Kind.PAGE_VIEWED,
        visitor,
        (long) png.length,
        recipient,
        stamp.orElse(null));
    return png;
  }

  private record Opened(LinkRow link, Optional<String> recipient, FileContent content) {}

  private Opened open(String token, Visitor visitor) {
    var link = links.find(token);
    links.working(link, visitor, false);
    if (link.mode() != LinkMode.VIEW) {
      throw LinkProblems.notViewOnly();
    }
    var recipient = links.admitted(link, visitor);
    var content = files.content(link.fileId()).orElseThrow(LinkProblems::notWorking);
    return new Opened(link, recipient, content);
  }

  /**
   * Draws with one of this node's drawing slots, waiting for one at most {@code renderWait}: many
   * visitors of many links at once get 503 rather than every thread of the server.
   */
  private <T> T drawing(Drawing<T> work) {
    boolean turn;
    try {
      turn = drawing.tryAcquire(settings.renderWait().toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw busy();
    }
    if (!turn) {
      throw busy();
    }
    try {
      return work.draw();
    } catch (IOException e) {
      throw unreadable();
    } finally {
      drawing.release();
    }
  }

  private interface Drawing<T> {
    T draw() throws IOException;
  }

  private static ApiException busy() {
    return new ApiException(
        HttpStatus.SERVICE_UNAVAILABLE,
        "The server is drawing many pages just now: try again in a moment.",
        Map.of("error", "busy"),
        Map.of("Retry-After", "5"));
  }

  private static ApiException unreadable() {
    return new ApiException(
        HttpStatus.UNPROCESSABLE_CONTENT,
        "This document cannot be shown page by page: it is damaged, or it needs a password.");
  }
}
