package dev.fileshare.sharing.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.fileshare.sharing.LinkMode;
import dev.fileshare.sharing.LinkVerification;
import dev.fileshare.sharing.PublicLink;
import dev.fileshare.sharing.PublicLinkService;
import io.swagger.v3.oas.annotations.media.Schema;
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
 * exchanged for an access to send as the {@code Link-Access} header, the code that proves a
 * recipient's address likewise, and the download.
 */
@RestController
class PublicLinkController {

  private final PublicLinkService links;
  private final LinkVerification verification;
  private final LinkStreamer streamer;
  private final LinkUrlBuilder urls;

  PublicLinkController(
      PublicLinkService links,
      LinkVerification verification,
      LinkStreamer streamer,
      LinkUrlBuilder urls) {
    this.links = links;
    this.verification = verification;
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
      boolean restricted,
      @Nullable String recipient,
      boolean unlocked,
      @JsonProperty("downloads_left") @Nullable Long downloadsLeft,
      @Schema(
              allowableValues = {"download", "view"},
              description = "view: read the pages at `pages`; the download is refused")
          String mode,
      @Schema(description = "Whether what the link gives out is stamped with whom and when")
          boolean watermark,
      @Schema(description = "The document itself; refused (403) on a view-only link")
          String download,
      @Schema(description = "The page count and pictures, on a view-only link; else null")
          @Nullable String pages) {}

  record Access(String access, Instant expires, @Nullable String recipient) {}

  /** The answer to asking for a code: the same whether or not the address may open the link. */
  record Asked(String message, @JsonProperty("code_valid_seconds") long codeValidSeconds) {}

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
                link.restricted(),
                link.recipient(),
                link.unlocked(),
                link.downloadsLeft(),
                link.mode().wire(),
                link.watermark(),
                urls.api("/api/s/" + token + "/download/"),
                link.mode() == LinkMode.VIEW ? urls.api("/api/s/" + token + "/pages/") : null));
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
        .body(new Access(unlock.access(), unlock.expires(), unlock.recipient()));
  }

  /** Mails a code to the address if the link allows it; answers alike either way. */
  @PostMapping("/api/s/{token}/code")
  ResponseEntity<Asked> code(
      @PathVariable String token,
      @RequestBody(required = false) @Nullable JsonNode body,
      HttpServletRequest request) {
    verification.ask(token, LinkForm.text(body, "address"), Visitors.fromApi(request));
    var valid = verification.codeValidFor();
    return ResponseEntity.accepted()
        .cacheControl(CacheControl.noStore())
        .body(new Asked(LinkPageHtml.asked(valid), valid.toSeconds()));
  }

  /** The code exchanged for an access that holds the address (added to a Link-Access shown). */
  @PostMapping("/api/s/{token}/verify")
  ResponseEntity<Access> verify(
      @PathVariable String token,
      @RequestBody(required = false) @Nullable JsonNode body,
      HttpServletRequest request) {
    var unlock =
        verification.verify(
            token,
            LinkForm.text(body, "address"),
            LinkForm.text(body, "code"),
            Visitors.fromApi(request));
    return ResponseEntity.ok()
        .cacheControl(CacheControl.noStore())
        .body(new Access(unlock.access(), unlock.expires(), unlock.recipient()));
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
