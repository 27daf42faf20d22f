package dev.fileshare.resumable.web;

import dev.fileshare.shared.ApiException;
import dev.fileshare.shared.Sha256;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/** The protocol's request headers, read and checked; refusals are 4xx problems. */
final class TusHeaders {

  static final String VERSION = "1.0.0";
  static final String EXTENSIONS = "creation,creation-with-upload,termination,checksum,expiration";
  static final String OFFSET_OCTET_STREAM = "application/offset+octet-stream";
  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
          .withZone(ZoneOffset.UTC);

  private TusHeaders() {}

  /** Every request but OPTIONS names the protocol version it speaks; only 1.0.0 is spoken. */
  static void requireVersion(HttpServletRequest request) {
    var version = request.getHeader("Tus-Resumable");
    if (!VERSION.equals(version == null ? null : version.strip())) {
      throw new ApiException(
              HttpStatus.PRECONDITION_FAILED,
              "Send Tus-Resumable: " + VERSION + ", the version of tus this server speaks.")
          .withHeader("Tus-Version", VERSION);
    }
  }

  static long uploadLength(HttpServletRequest request) {
    if (request.getHeader("Upload-Defer-Length") != null) {
      throw bad("Upload-Defer-Length is not supported: send Upload-Length.");
    }
    return number(request, "Upload-Length");
  }

  static long uploadOffset(HttpServletRequest request) {
    return number(request, "Upload-Offset");
  }

  static void requireOctetStream(HttpServletRequest request) {
    var type = request.getContentType();
    if (type == null || !type.strip().toLowerCase(Locale.ROOT).startsWith(OFFSET_OCTET_STREAM)) {
      throw new ApiException(
          HttpStatus.UNSUPPORTED_MEDIA_TYPE,
          "Send the bytes with Content-Type: " + OFFSET_OCTET_STREAM + ".");
    }
  }

  static boolean hasBody(HttpServletRequest request) {
    return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
  }

  /** {@code Upload-Checksum: sha256 <base64>} as lower-case hex, or {@code null} if absent. */
  static @Nullable String sha256(HttpServletRequest request) {
    var header = request.getHeader("Upload-Checksum");
    if (header == null) {
      return null;
    }
    var parts = header.strip().split(" +");
    if (parts.length != 2 || !parts[0].equalsIgnoreCase("sha256")) {
      throw bad("Upload-Checksum must be sha256 and a base64 digest; no other algorithm is known.");
    }
    try {
      var digest = Base64.getDecoder().decode(parts[1]);
      if (digest.length != 32) {
        throw bad("The sha256 digest in Upload-Checksum must be 32 bytes.");
      }
      return Sha256.hex(digest);
    } catch (IllegalArgumentException e) {
      throw bad("The digest in Upload-Checksum is not base64.");
    }
  }

  static String date(Instant instant) {
    return HTTP_DATE.format(instant);
  }

  private static long number(HttpServletRequest request, String header) {
    var text = request.getHeader(header);
    if (text == null) {
      throw bad("Send the " + header + " header.");
    }
    text = text.strip();
    if (text.isEmpty() || text.length() > 18 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw bad(header + " must be a non-negative whole number.");
    }
    return Long.parseLong(text);
  }

  private static ApiException bad(String detail) {
    return new ApiException(HttpStatus.BAD_REQUEST, detail);
  }
}
