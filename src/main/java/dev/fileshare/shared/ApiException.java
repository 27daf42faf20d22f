package dev.fileshare.shared;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * An error meant for the API client. It becomes an RFC 9457 problem body whose {@code detail} is
 * the message; {@code members} are added beside it (for example the original API's {@code error}),
 * and {@code headers} are set on the response (for example {@code Retry-After}).
 */
public class ApiException extends RuntimeException {

  private final HttpStatus status;
  private final Map<String, Object> members;
  private final Map<String, String> headers;

  public ApiException(HttpStatus status, String detail) {
    this(status, detail, Map.of(), Map.of());
  }

  public ApiException(
      HttpStatus status, String detail, Map<String, Object> members, Map<String, String> headers) {
    super(detail, null, false, false);
    this.status = status;
    this.members = Map.copyOf(members);
    this.headers = Map.copyOf(headers);
  }

  /** A failure in the original API's shape: {@code {"error": detail}}. */
  public static ApiException error(HttpStatus status, String detail) {
    return new ApiException(status, detail, Map.of("error", detail), Map.of());
  }

  /** The original API's 404: {@code {"detail": "Not found."}}. */
  public static ApiException notFound() {
    return new ApiException(HttpStatus.NOT_FOUND, "Not found.");
  }

  public ApiException withHeader(String name, String value) {
    var all = new LinkedHashMap<>(headers);
    all.put(name, value);
    return new ApiException(status, getMessage(), members, all);
  }

  public HttpStatus status() {
    return status;
  }

  public Map<String, Object> members() {
    return members;
  }

  public Map<String, String> headers() {
    return headers;
  }
}
