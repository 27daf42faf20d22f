package dev.fileshare.sharing.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.fileshare.sharing.LinkEvent;
import dev.fileshare.sharing.ShareLink;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A link on the wire, as its owner reads it. The password is never in it, only whether it has one.
 */
record LinkAnswer(
    long id,
    long file,
    String url,
    String label,
    @Nullable Instant expires,
    @JsonProperty("has_password") boolean hasPassword,
    @JsonProperty("max_downloads") @Nullable Long maxDownloads,
    long downloads,
    @JsonProperty("notify_first_download") boolean notifyFirstDownload,
    List<String> recipients,
    @Schema(
            allowableValues = {"download", "view"},
            description =
                "download: the file itself; view: only pages rendered by the server as PNG, never"
                    + " the file's bytes")
        String mode,
    @Schema(
            description =
                "Whether each copy the link serves (a download, or a rendered page) is stamped on"
                    + " every page with the recipient's verified address or the label, and the"
                    + " date and time (UTC). A stamped download has no ranges and no sha256 ETag.")
        boolean watermark,
    Instant created,
    Instant updated) {

  static LinkAnswer of(ShareLink link, LinkUrlBuilder urls) {
    return new LinkAnswer(
        link.id(),
        link.file(),
        urls.page(link.token()),
        link.label(),
        link.expires(),
        link.hasPassword(),
        link.maxDownloads(),
        link.downloads(),
        link.notifyFirstDownload(),
        link.recipients(),
        link.mode().wire(),
        link.watermark(),
        link.created(),
        link.updated());
  }

  /** An entry of the access log. */
  record Event(
      long id,
      long link,
      String kind,
      Instant at,
      @Nullable String address,
      @JsonProperty("user_agent") @Nullable String userAgent,
      @Nullable Long bytes,
      @Nullable String recipient,
      @Schema(description = "The text stamped on the copy that went out, on a watermarking link")
          @Nullable String stamp) {

    static Event of(LinkEvent event) {
      return new Event(
          event.id(),
          event.link(),
          event.kind().wire(),
          event.at(),
          event.address(),
          event.userAgent(),
          event.bytes(),
          event.recipient(),
          event.stamp());
    }
  }

  /** A page of the access log, newest first; {@code next} is the following page, or null. */
  record Log(@Nullable String next, List<Event> results) {}

  /** What the server allows for links, for forms that make them. */
  record Settings(
      @JsonProperty("links_enabled") boolean linksEnabled,
      @JsonProperty("default_expiry_seconds") @Nullable Long defaultExpirySeconds,
      @JsonProperty("max_expiry_seconds") @Nullable Long maxExpirySeconds,
      @JsonProperty("require_password") boolean requirePassword,
      @JsonProperty("password_min_length") int passwordMinLength) {}
}
