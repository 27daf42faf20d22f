package dev.fileshare.sharing.web;

import dev.fileshare.sharing.LinkMode;
import dev.fileshare.sharing.PublicLink;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.HtmlUtils;

/**
 * The pages a link opens, written on the server without any script: the file and its Download
 * button, the password form, and the pages that say why a link does not work. Every text from a
 * user (a file name, an owner's name) is escaped.
 */
final class LinkPageHtml {

  static final String POLICY =
      "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self';"
          + " frame-ancestors 'none'; base-uri 'none'";

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm 'UTC'", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);

  private LinkPageHtml() {}

  static ResponseEntity<String> file(String token, PublicLink link) {
    var file = link.file();
    if (file == null) {
      return link.restricted() && link.recipient() == null
          ? CodePageHtml.address(token, null, HttpStatusCode.valueOf(200))
          : password(token, null, HttpStatusCode.valueOf(200));
    }
    var left = link.downloadsLeft();
    var body =
        "<dl>"
            + row("Size", size(file.size()))
            + row("Shared by", file.owner())
            + row("Expires", link.expires() == null ? "Never" : when(link.expires()))
            + (left == null ? "" : row("Downloads left", Long.toString(left)))
            + "</dl>"
            + (link.watermark()
                ? "<p>What this link gives out is stamped with "
                    + (link.recipient() == null ? "its label" : "your address")
                    + " and the date and time.</p>"
                : "")
            + "<p><a href=\"/viewer.html?link="
            + token
            + "\">Read it in the browser</a></p>"
            + (link.mode() == LinkMode.VIEW
                ? "<p>This document is for reading only: it cannot be downloaded.</p>"
                : "<form method=\"get\" action=\"/s/"
                    + token
                    + "/download\"><button type=\"submit\">Download</button></form>");
    return page(HttpStatusCode.valueOf(200), file.name(), body);
  }

  static ResponseEntity<String> password(
      String token, @Nullable String error, HttpStatusCode status) {
    var alert = error == null ? "" : "<p class=\"error\" role=\"alert\">" + escape(error) + "</p>";
    var body =
        "<p>This file is protected by a password. Enter the password you were given.</p>"
            + alert
            + "<form method=\"post\" action=\"/s/"
            + token
            + "\"><label for=\"password\">Password</label>"
            + "<input id=\"password\" name=\"password\" type=\"password\""
            + " autocomplete=\"off\" required autofocus>"
            + "<button type=\"submit\">Unlock</button></form>";
    return page(status, "Enter the password", body);
  }

  static ResponseEntity<String> notWorking(HttpStatusCode status, String detail) {
    if (status.value() == 410) {
      var title =
          detail.contains("download limit")
              ? "This link has reached its download limit"
              : "This link has expired";
      return page(status, title, "<p>" + escape(detail) + "</p>");
    }
    if (status.value() == 429) {
      return page(status, "Too many attempts", "<p>" + escape(detail) + "</p>");
    }
    return page(
        status,
        "This link does not work",
        "<p>The link is not right, or the person who shared the file has revoked it. Ask them"
            + " for a new one.</p>");
  }

  private static String row(String term, String value) {
    return "<dt>" + term + "</dt><dd>" + escape(value) + "</dd>";
  }

  private static String when(@Nullable Instant instant) {
    return instant == null ? "" : WHEN.format(instant);
  }

  static String size(long bytes) {
    if (bytes < 1024) {
      return bytes + (bytes == 1 ? " byte" : " bytes");
    }
    var units = new String[] {"KB", "MB", "GB", "TB"};
    double value = bytes;
    var unit = -1;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    var text =
        value < 10 ? String.format(Locale.ROOT, "%.1f", value) : Long.toString(Math.round(value));
    return text.replaceAll("\\.0$", "") + " " + units[unit];
  }

  /** What asking for a code answers, whether or not the address may open the link. */
  static String asked(java.time.Duration valid) {
    var minutes = Math.max(1, valid.toMinutes());
    return "If this address may open the link, a code is on its way to it. It is valid for "
        + minutes
        + (minutes == 1 ? " minute." : " minutes.");
  }

  static String escape(String text) {
    return HtmlUtils.htmlEscape(text, StandardCharsets.UTF_8.name());
  }

  static ResponseEntity<String> page(HttpStatusCode status, String title, String body) {
    var html =
        """
        <!doctype html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <meta name="referrer" content="no-referrer">
          <meta name="robots" content="noindex, nofollow">
          <title>%s · fileshare</title>
          <link rel="stylesheet" href="/pages.css">
          <link rel="stylesheet" href="/link-page.css">
        </head>
        <body>
          <main class="link-page">
            <h1>%s</h1>
            %s
          </main>
        </body>
        </html>
        """
            .formatted(escape(title), escape(title), body);
    return ResponseEntity.status(status)
        .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
        .header("Content-Security-Policy", POLICY)
        .header("Referrer-Policy", "no-referrer")
        .header("X-Robots-Tag", "noindex, nofollow")
        .header("X-Content-Type-Options", "nosniff")
        .header("Cache-Control", "no-store")
        .body(html);
  }
}
