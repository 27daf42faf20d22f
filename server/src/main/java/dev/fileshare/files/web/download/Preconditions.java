package dev.fileshare.files.web.download;

import jakarta.servlet.http.HttpServletRequest;

/** Conditional requests on downloads (RFC 9110, section 13), by ETag and Last-Modified. */
final class Preconditions {

  private Preconditions() {}

  /**
   * Whether the client's copy is current: {@code If-None-Match} matches (weak comparison), or,
   * without it, nothing changed since {@code If-Modified-Since}.
   */
  static boolean notModified(HttpServletRequest request, String etag, long lastModified) {
    var noneMatch = request.getHeader("If-None-Match");
    if (noneMatch != null) {
      for (var tag : noneMatch.split(",")) {
        var candidate = tag.strip();
        if (candidate.equals("*") || opaque(candidate).equals(opaque(etag))) {
          return true;
        }
      }
      return false;
    }
    var since = date(request, "If-Modified-Since");
    return since >= 0 && seconds(lastModified) <= since;
  }

  /** Whether a {@code Range} may be served: no {@code If-Range}, or one that still holds. */
  static boolean rangeApplies(HttpServletRequest request, String etag, long lastModified) {
    var ifRange = request.getHeader("If-Range");
    if (ifRange == null) {
      return true;
    }
    var value = ifRange.strip();
    if (value.startsWith("\"")) {
      return value.equals(etag);
    }
    if (value.startsWith("W/")) {
      return false; // a weak tag never matches strongly
    }
    var date = date(request, "If-Range");
    return date >= 0 && date == seconds(lastModified);
  }

  /** Milliseconds rounded down to whole seconds, the precision of HTTP dates. */
  static long seconds(long millis) {
    return millis - Math.floorMod(millis, 1000L);
  }

  private static String opaque(String tag) {
    return tag.startsWith("W/") ? tag.substring(2) : tag;
  }

  private static long date(HttpServletRequest request, String header) {
    try {
      return request.getDateHeader(header);
    } catch (IllegalArgumentException e) {
      return -1;
    }
  }
}
