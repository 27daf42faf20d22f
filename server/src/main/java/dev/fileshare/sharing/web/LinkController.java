package dev.fileshare.sharing.web;

import dev.fileshare.platform.Paging;
import dev.fileshare.shared.AuthenticatedUser;
import dev.fileshare.sharing.LinkService;
import dev.fileshare.sharing.ShareLink;
import dev.fileshare.sharing.SharingSettings;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The owner's link endpoints: make links to a file, list them (one file's, or all the caller's,
 * newest first with a {@code Link} to the next page), read, change and revoke one.
 */
@RestController
class LinkController {

  private final LinkService links;
  private final LinkUrlBuilder urls;
  private final SharingSettings settings;

  LinkController(LinkService links, LinkUrlBuilder urls, SharingSettings settings) {
    this.links = links;
    this.urls = urls;
    this.settings = settings;
  }

  @PostMapping("/api/files/{id}/links")
  ResponseEntity<LinkAnswer> create(
      @AuthenticationPrincipal AuthenticatedUser user,
      @PathVariable String id,
      @RequestBody(required = false) @Nullable JsonNode body) {
    var link = links.create(user, Paging.id(id), LinkForm.changes(body));
    return ResponseEntity.status(HttpStatus.CREATED)
        .header(HttpHeaders.LOCATION, urls.api("/api/links/" + link.id() + "/"))
        .body(LinkAnswer.of(link, urls));
  }

  @GetMapping("/api/files/{id}/links")
  ResponseEntity<List<LinkAnswer>> ofFile(
      @AuthenticationPrincipal AuthenticatedUser user,
      @PathVariable String id,
      @RequestParam(required = false) @Nullable String before,
      @RequestParam(required = false) @Nullable String limit) {
    var paging = Paging.of(before, limit);
    var fileId = Paging.id(id);
    var found = links.ofFile(user, fileId, paging.before(), paging.limit());
    return page(found, paging, "/api/files/" + fileId + "/links/");
  }

  @GetMapping("/api/links")
  ResponseEntity<List<LinkAnswer>> mine(
      @AuthenticationPrincipal AuthenticatedUser user,
      @RequestParam(required = false) @Nullable String before,
      @RequestParam(required = false) @Nullable String limit) {
    var paging = Paging.of(before, limit);
    return page(links.mine(user, paging.before(), paging.limit()), paging, "/api/links/");
  }

  @GetMapping("/api/links/settings")
  LinkAnswer.Settings settings() {
    return new LinkAnswer.Settings(
        settings.linksEnabled(),
        settings.defaultExpiryValue().map(Duration::toSeconds).orElse(null),
        settings.maxExpiryValue().map(Duration::toSeconds).orElse(null),
        settings.requirePassword(),
        settings.passwordMinLength());
  }

  @GetMapping("/api/links/{id}")
  LinkAnswer get(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable String id) {
    return LinkAnswer.of(links.get(user, Paging.id(id)), urls);
  }

  @PatchMapping("/api/links/{id}")
  LinkAnswer update(
      @AuthenticationPrincipal AuthenticatedUser user,
      @PathVariable String id,
      @RequestBody(required = false) @Nullable JsonNode body) {
    return LinkAnswer.of(links.update(user, Paging.id(id), LinkForm.changes(body)), urls);
  }

  @DeleteMapping("/api/links/{id}")
  ResponseEntity<Void> revoke(
      @AuthenticationPrincipal AuthenticatedUser user, @PathVariable String id) {
    links.revoke(user, Paging.id(id));
    return ResponseEntity.noContent().build();
  }

  private ResponseEntity<List<LinkAnswer>> page(List<ShareLink> found, Paging paging, String path) {
    var response = ResponseEntity.ok();
    if (found.size() == paging.limit()) {
      var next = urls.api(path + paging.next(found.get(found.size() - 1).id()));
      response.header(HttpHeaders.LINK, Paging.nextLink(next));
    }
    return response.body(found.stream().map(link -> LinkAnswer.of(link, urls)).toList());
  }
}
