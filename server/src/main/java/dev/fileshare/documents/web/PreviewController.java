package dev.fileshare.documents.web;

import dev.fileshare.documents.PreviewLookup;
import dev.fileshare.files.FileService;
import dev.fileshare.shared.ApiException;
import dev.fileshare.shared.AuthenticatedUser;
import java.io.IOException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The picture of a file's first page, for whoever may see the file. Its ETag names the content and
 * the width; an address that names the content ({@code v=}, the first 12 characters of its SHA-256)
 * never changes what it shows, so it may be cached for good.
 */
@RestController
class PreviewController {

  private static final int VERSION_LENGTH = 12;

  private final FileService files;
  private final PreviewLookup previews;

  PreviewController(FileService files, PreviewLookup previews) {
    this.files = files;
    this.previews = previews;
  }

  @GetMapping(path = "/api/files/{id}/preview", produces = MediaType.IMAGE_PNG_VALUE)
  ResponseEntity<byte[]> preview(
      @AuthenticationPrincipal AuthenticatedUser user,
      @PathVariable String id,
      @RequestParam(required = false) @Nullable String width,
      @RequestParam(required = false) @Nullable String v,
      @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false)
          @Nullable String ifNoneMatch)
      throws IOException {
    var fileId = fileId(id);
    var wanted = width(width);
    var file = files.get(user, fileId);
    var sha256 = file.sha256();
    var etag = "\"" + sha256 + "-" + wanted + "\"";
    var cache =
        v != null && v.length() == VERSION_LENGTH && sha256.startsWith(v)
            ? CacheControl.maxAge(Duration.ofDays(365)).cachePrivate().immutable()
            : CacheControl.noCache().cachePrivate();
    if (matches(ifNoneMatch, etag) && previews.has(fileId, sha256, wanted)) {
      return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(cache).build();
    }
    var png = previews.png(fileId, sha256, wanted).orElseThrow(ApiException::notFound);
    return ResponseEntity.ok()
        .eTag(etag)
        .cacheControl(cache)
        .contentType(MediaType.IMAGE_PNG)
        .contentLength(png.length)
        .body(png);
  }

  private static long fileId(String text) {
    if (text.isEmpty() || text.length() > 18 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw ApiException.notFound();
    }
    return Long.parseLong(text);
  }

  private static int width(@Nullable String text) {
    if (text == null || text.isEmpty()) {
      return PreviewLookup.DEFAULT_WIDTH;
    }
    if (text.length() > 9 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw ApiException.invalid("width", "A width is a whole number of pixels, such as 320.");
    }
    return PreviewLookup.nearest(Long.parseLong(text));
  }

  private static boolean matches(@Nullable String ifNoneMatch, String etag) {
    if (ifNoneMatch == null) {
      return false;
    }
    for (var candidate : ifNoneMatch.split(",")) {
      var tag = candidate.trim();
      if (tag.startsWith("W/")) {
        tag = tag.substring(2);
      }
      if (tag.equals(etag) || tag.equals("*")) {
        return true;
      }
    }
    return false;
  }
}
