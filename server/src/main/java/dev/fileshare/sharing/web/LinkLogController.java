package dev.fileshare.sharing.web;

import dev.fileshare.platform.Paging;
import dev.fileshare.shared.AuthenticatedUser;
import dev.fileshare.sharing.LinkEvent;
import dev.fileshare.sharing.LinkService;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** A link's access log and a file's (every link of it), for the owner; and mailing a link. */
@RestController
class LinkLogController {

  private final LinkService links;
  private final LinkUrlBuilder urls;

  LinkLogController(LinkService links, LinkUrlBuilder urls) {
    this.links = links;
    this.urls = urls;
  }

  @GetMapping("/api/links/{id}/log")
  LinkAnswer.Log linkLog(
      @AuthenticationPrincipal AuthenticatedUser user,
      @PathVariable String id,
      @RequestParam(required = false) @Nullable String before,
      @RequestParam(required = false) @Nullable String limit) {
    var paging = Paging.of(before, limit);
    var linkId = Paging.id(id);
    var events = links.log(user, linkId, paging.before(), paging.limit());
    return log(events, paging, "/api/links/" + linkId + "/log/");
  }

  @GetMapping("/api/files/{id}/links/log")
  LinkAnswer.Log fileLog(
      @AuthenticationPrincipal AuthenticatedUser user,
      @PathVariable String id,
      @RequestParam(required = false) @Nullable String before,
      @RequestParam(required = false) @Nullable String limit) {
    var paging = Paging.of(before, limit);
    var fileId = Paging.id(id);
    var events = links.fileLog(user, fileId, paging.before(), paging.limit());
    return log(events, paging, "/api/files/" + fileId + "/links/log/");
  }

  /** Mails the link to up to 20 addresses with a message; the password is never in the mail. */
  @PostMapping("/api/links/{id}/mail")
  ResponseEntity<Map<String, Object>> mail(
      @AuthenticationPrincipal AuthenticatedUser user,
      @PathVariable String id,
      @RequestBody(required = false) @Nullable JsonNode body) {
    var mail = LinkForm.mail(body);
    links.mail(user, Paging.id(id), mail.to(), mail.message());
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .body(Map.of("message", "The link is on its way.", "to", mail.to()));
  }

  private LinkAnswer.Log log(List<LinkEvent> events, Paging paging, String path) {
    var next =
        events.size() == paging.limit()
            ? urls.api(path + paging.next(events.get(events.size() - 1).id()))
            : null;
    return new LinkAnswer.Log(next, events.stream().map(LinkAnswer.Event::of).toList());
  }
}
