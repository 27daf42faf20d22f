package dev.fileshare.sharing.web;

import dev.fileshare.shared.ApiException;
import dev.fileshare.sharing.PublicLinkService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page a link opens, {@code /s/<token>}. Opening it never downloads anything, so link
 * previewers (chat apps, mail scanners) use up nothing: the Download button does. A password is
 * asked in a form; the access it gives lives in a cookie for this link's pages only.
 */
@Controller
class PublicPageController {

  private final PublicLinkService links;
  private final LinkStreamer streamer;
  private final Clock clock;

  PublicPageController(PublicLinkService links, LinkStreamer streamer, Clock clock) {
    this.links = links;
    this.streamer = streamer;
    this.clock = clock;
  }

  @GetMapping("/s/{token}")
  ResponseEntity<String> page(@PathVariable String token, HttpServletRequest request) {
    try {
      return LinkPageHtml.file(token, links.visit(token, Visitors.fromPage(request)));
    } catch (ApiException e) {
      return LinkPageHtml.notWorking(e.status(), e.getMessage());
    }
  }

  @PostMapping(path = "/s/{token}", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
  ResponseEntity<String> unlock(
      @PathVariable String token,
      @RequestParam(defaultValue = "") String password,
      HttpServletRequest request) {
    try {
      var unlock = links.unlock(token, password, Visitors.fromPage(request));
      return Visitors.backToPage(token, unlock, request, clock);
    } catch (ApiException e) {
      var status = e.status().value();
      if (status == 400) {
        return LinkPageHtml.password(token, e.getMessage(), e.status());
      }
      var page =
          status == 429
              ? LinkPageHtml.password(token, e.getMessage(), e.status())
              : LinkPageHtml.notWorking(e.status(), e.getMessage());
      return Visitors.retryAfter(page, e);
    }
  }

  @RequestMapping(
      path = "/s/{token}/download",
      method = {RequestMethod.GET, RequestMethod.HEAD})
  @Nullable ResponseEntity<String> download(
      @PathVariable String token, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    try {
      streamer.stream(request, response, links.download(token, Visitors.fromPage(request)));
      return null;
    } catch (ApiException e) {
      if (response.isCommitted()) {
        throw e;
      }
      if (e.status().value() == 403) {
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
            .header(HttpHeaders.LOCATION, "/s/" + token)
            .build();
      }
      if (e.status().value() == 416 || e.status().value() == 412) {
        throw e;
      }
      return LinkPageHtml.notWorking(e.status(), e.getMessage());
    }
  }
}
