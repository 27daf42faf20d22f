package dev.fileshare.shared;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/**
 * An error meant for the API client. It becomes an RFC 9457 problem body whose {@code detail} is
 * the message; {@code members} are added beside it (for example the original API's {@code error}),
 * and {@code headers} are set on the response (for example {@code Retry-After}). The status may be
 * one that HTTP does not name (tus's 460); such a problem carries its own {@code title}.
 */
public class ApiException extends RuntimeException {

  private final HttpStatusCode status;
  private final @Nullable String title;
  private final Map<String, Object> members;
  private final Map<String, String> headers;

  public ApiException(HttpStatus status, String detail) {
    this(status, detail, Map.of(), Map.of());
  }

  public ApiException(
      HttpStatus status, String detail, Map<String, Object> members, Map<String, String> headers) {
    this(status, null, detail, members, headers);
  }

  /** A status that HTTP does not name, with the title that says what it means. */
  public ApiException(int status, String title, String detail) {
    this(HttpStatusCode.valueOf(status), title, detail, Map.of(), Map.of());
  }

  private ApiException(
      HttpStatusCode status,
      @Nullable String title,
      String detail,
      Map<String, Object> members,
      Map<String, String> headers) {
    super(detail, null, false, false);
    this.status = status;
    this.title = title;
    this.members = Map.copyOf(members);
    this.headers = Map.copyOf(headers);
  }

  /** A failure in the original API's shape: {@code {"error": detail}}. */
  public static ApiException error(HttpStatus status, String detail) {
    return new ApiException(status, detail, Map.of("error", detail), Map.of());
  }

  /** A field with a bad value, in the original API's shape: {@code {"field": ["message"]}}. */
  public static ApiException invalid(String field, String message) {
    return new ApiException(
        HttpStatus.BAD_REQUEST, message, Map.of(field, java.util.List.of(message)), Map.of());
  }

  /** The original API's 404: {@code {"detail": "Not found."}}. */
  public static ApiException notFound() {
    return new ApiException(HttpStatus.NOT_FOUND, "Not found.");
  }

  public ApiException withHeader(String name, String value) {
    var all = new LinkedHashMap<>(headers);
    all.put(name, value);
    return new ApiException(status, title, getMessage(), members, all);
  }

  public HttpStatusCode status() {
    return status;
  }

  /** The title, when the status is one HTTP does not name; empty otherwise. */
  public java.util.Optional<String> title() {
    return java.util.Optional.ofNullable(title);
  }

  public Map<String, Object> members() {
    return members;
  }

  public Map<String, String> headers() {
    return headers;
  }
}
