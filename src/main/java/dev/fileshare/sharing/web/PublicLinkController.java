package dev.fileshare.sharing.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.fileshare.sharing.PublicLink;
import dev.fileshare.sharing.PublicLinkService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The JSON twin of a link's page, for clients without an account: what the link holds, the password
 * exchanged for an access to send as the {@code Link-Access} header, and the download.
 */
@RestController
class PublicLinkController {

  private final PublicLinkService links;
  private final LinkStreamer streamer;
  private final LinkUrlBuilder urls;

  PublicLinkController(PublicLinkService links, LinkStreamer streamer, LinkUrlBuilder urls) {
    this.links = links;
    this.streamer = streamer;
    this.urls = urls;
  }

  /** What {@code GET /api/s/<token>/} answers; the file's members are null until unlocked. */
  record Answer(
      @Nullable String name,
      @Nullable Long size,
      @JsonProperty("content_type") @Nullable String contentType,
      @Nullable String owner,
      @Nullable Instant expires,
      @JsonProperty("has_password") boolean hasPassword,
      boolean unlocked,
      @JsonProperty("downloads_left") @Nullable Long downloadsLeft,
      String download) {}

  record Access(String access, Instant expires) {}

  @GetMapping("/api/s/{token}")
  ResponseEntity<Answer> show(@PathVariable String token, HttpServletRequest request) {
    var link = links.visit(token, Visitors.fromApi(request));
    var file = link.file();
    return ResponseEntity.ok()
        .cacheControl(CacheControl.noStore())
        .body(
            new Answer(
                file == null ? null : file.name(),
                file == null ? null : file.size(),
                file == null ? null : file.contentType(),
                file == null ? null : file.owner(),
                link.expires(),
                link.hasPassword(),
                link.unlocked(),
                link.downloadsLeft(),
                urls.api("/api/s/" + token + "/download/")));
  }

  @PostMapping("/api/s/{token}/unlock")
  ResponseEntity<Access> unlock(
      @PathVariable String token,
      @RequestBody(required = false) @Nullable JsonNode body,
      HttpServletRequest request) {
    PublicLink.Unlock unlock =
        links.unlock(token, LinkForm.password(body), Visitors.fromApi(request));
    return ResponseEntity.ok()
        .cacheControl(CacheControl.noStore())
        .body(new Access(unlock.access(), unlock.expires()));
  }

  @RequestMapping(
      path = "/api/s/{token}/download",
      method = {RequestMethod.GET, RequestMethod.HEAD})
  void download(
      @PathVariable String token, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    streamer.stream(request, response, links.download(token, Visitors.fromApi(request)));
  }
}
