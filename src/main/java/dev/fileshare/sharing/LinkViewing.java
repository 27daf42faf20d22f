package dev.fileshare.sharing;

import dev.fileshare.auth.RateLimiter;
import dev.fileshare.files.FileContent;
import dev.fileshare.files.FileLookup;
import dev.fileshare.inspection.PageRenderer;
import dev.fileshare.shared.ApiException;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Reading a view-only link: its pages rendered by the server as pictures, so that the document's
 * own bytes never leave through the link. The same checks as a download (the link works, the
 * password was given, the recipient proved their address), a bound on pages rendered per minute for
 * each link, and on a link that watermarks, each picture stamped and its stamp in the access log.
 * Reading does not count as a download.
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
  }

  /** What a view-only link's document is called and how many pages it has. */
  public record Document(String name, int pages) {}

  public Document pages(String token, Visitor visitor) {
    var opened = open(token, visitor);
    try (var channel = opened.content().channel()) {
      var pages = renderer.pages(channel);
      if (pages < 1) {
        throw unreadable();
      }
      return new Document(opened.content().file().name(), pages);
    } catch (IOException e) {
      throw unreadable();
    }
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
    byte[] png;
    try (var channel = opened.content().channel()) {
      png =
          renderer
              .page(channel, page, width, stamp)
              .orElseThrow(
                  () ->
                      new ApiException(
                          HttpStatus.NOT_FOUND,
                          "The document has no page " + page + ".",
                          Map.of("error", "no_such_page"),
                          Map.of()));
    } catch (IOException e) {
      throw unreadable();
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

  private static ApiException unreadable() {
    return new ApiException(
        HttpStatus.UNPROCESSABLE_CONTENT,
        "This document cannot be shown page by page: it is damaged, or it needs a password.");
  }
}
