package dev.fileshare.sharing.web;

import dev.fileshare.inspection.PageRenderer;
import dev.fileshare.sharing.LinkProblems;
import dev.fileshare.sharing.LinkViewing;
import dev.fileshare.sharing.Visitor;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The pages of a view-only link, rendered by the server: their count, and each as a PNG. Under
 * {@code /api/s/} for clients that send the {@code Link-Access} header, and under {@code /s/} for
 * the viewer page, whose access lives in the link page's cookie.
 */
@RestController
class LinkPagesController {

  /** The width of a page's picture when none is asked for. */
  static final int DEFAULT_WIDTH = 1024;

  private final LinkViewing viewing;

  LinkPagesController(LinkViewing viewing) {
    this.viewing = viewing;
  }

  /** {@code {"pages": n, "name": "..."}}. */
  record Pages(int pages, String name) {}

  @GetMapping("/api/s/{token}/pages")
  ResponseEntity<Pages> pages(@PathVariable String token, HttpServletRequest request) {
    return count(token, Visitors.fromApi(request));
  }

  @ApiResponse(
      responseCode = "200",
      description = "The page as a PNG",
      content = @Content(mediaType = MediaType.IMAGE_PNG_VALUE))
  @GetMapping("/api/s/{token}/pages/{page}")
  ResponseEntity<byte[]> page(
      @PathVariable String token,
      @PathVariable String page,
      @RequestParam(required = false) @Nullable String width,
      HttpServletRequest request) {
    return picture(token, page, width, Visitors.fromApi(request));
  }

  @GetMapping("/s/{token}/pages")
  ResponseEntity<Pages> pagesFromPage(@PathVariable String token, HttpServletRequest request) {
    return count(token, Visitors.fromPage(request));
  }

  @ApiResponse(
      responseCode = "200",
      description = "The page as a PNG",
      content = @Content(mediaType = MediaType.IMAGE_PNG_VALUE))
  @GetMapping("/s/{token}/pages/{page}")
  ResponseEntity<byte[]> pageFromPage(
      @PathVariable String token,
      @PathVariable String page,
      @RequestParam(required = false) @Nullable String width,
      HttpServletRequest request) {
    return picture(token, page, width, Visitors.fromPage(request));
  }

  private ResponseEntity<Pages> count(String token, Visitor visitor) {
    return ResponseEntity.ok()
        .cacheControl(CacheControl.noStore())
        .body(toPages(viewing.pages(token, visitor)));
  }

  private static Pages toPages(LinkViewing.Document document) {
    return new Pages(document.pages(), document.name());
  }

  private ResponseEntity<byte[]> picture(
      String token, String page, @Nullable String width, Visitor visitor) {
    var number = whole("page", page, 1, Integer.MAX_VALUE, "The page must be a number from 1.");
    var pixels =
        width == null
            ? DEFAULT_WIDTH
            : whole(
                "width",
                width,
                16,
                PageRenderer.MAX_WIDTH,
                "The width must be a number of pixels from 16 to " + PageRenderer.MAX_WIDTH + ".");
    var png = viewing.page(token, visitor, number, pixels);
    return ResponseEntity.ok()
        .header("Cache-Control", "private, max-age=300")
        .contentType(MediaType.IMAGE_PNG)
        .header("X-Content-Type-Options", "nosniff")
        .body(png);
  }

  private static int whole(String field, String text, int min, int max, String message) {
    try {
      var value = Integer.parseInt(text.strip());
      if (value < min || value > max) {
        throw LinkProblems.invalid(field, message);
      }
      return value;
    } catch (NumberFormatException e) {
      throw LinkProblems.invalid(field, message);
    }
  }
}
