package dev.fileshare.requests.web;

import dev.fileshare.shared.Secrets;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The page a request's link opens, {@code /r/<token>}: a shell that {@code /request-page.js} fills
 * from the request's JSON, and that sends files through tus. The shell is the same for every token,
 * so it reveals nothing; a token that cannot be one is 404 at once.
 */
@Controller
class RequestPageController {

  private static final String PAGE =
      """
      <!doctype html>
      <html lang="en">
      <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="referrer" content="no-referrer">
        <meta name="robots" content="noindex, nofollow">
        <title>Send files · fileshare</title>
        <link rel="icon" href="/favicon.svg" type="image/svg+xml">
        <link rel="stylesheet" href="/pages.css">
        <link rel="stylesheet" href="/request-page.css">
        <script type="module" src="/request-page.js"></script>
      </head>
      <body>
        <main class="request-page" id="request" aria-live="polite">
          <h1>Send files</h1>
          <p class="muted">Loading…</p>
        </main>
      </body>
      </html>
      """;

  @GetMapping("/r/{token}")
  ResponseEntity<String> page(@PathVariable String token) {
    var known = Secrets.looksLike(token, 20);
    return ResponseEntity.status(known ? HttpStatus.OK : HttpStatus.NOT_FOUND)
        .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
        .header("X-Robots-Tag", "noindex, nofollow")
        .header("X-Content-Type-Options", "nosniff")
        .header("Cache-Control", "no-store")
        .body(PAGE);
  }
}
