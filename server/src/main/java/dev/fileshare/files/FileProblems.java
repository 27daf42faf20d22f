package dev.fileshare.files;

import dev.fileshare.inspection.ActiveContent;
import dev.fileshare.shared.ApiException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;

/** Answers to requests that cannot be accepted, in the original API's field-error shape. */
public final class FileProblems {

  private FileProblems() {}

  public static ApiException missing() {
    return field(HttpStatus.BAD_REQUEST, "No file was submitted.");
  }

  public static ApiException notAFile() {
    return field(
        HttpStatus.BAD_REQUEST,
        "The submitted data was not a file. Check the encoding type on the form.");
  }

  /** A field with a bad value: {@code {"field": ["message"]}}. */
  public static ApiException invalid(String field, String message) {
    return ApiException.invalid(field, message);
  }

  static ApiException empty() {
    return field(HttpStatus.BAD_REQUEST, "The submitted file is empty.");
  }

  static ApiException interrupted() {
    return new ApiException(
        HttpStatus.BAD_REQUEST, "The upload was malformed or ended before the file was complete.");
  }

  /** The body is larger than the limit: the connection is closed rather than read to its end. */
  public static ApiException tooLarge(long maxBytes) {
    var message = "The file is larger than the limit of " + maxBytes + " bytes.";
    return new ApiException(
            HttpStatus.PAYLOAD_TOO_LARGE,
            message,
            Map.of("pdf", List.of(message), "max_upload_size", maxBytes),
            Map.of())
        .withHeader("Connection", "close");
  }

  static ApiException unacceptable(String reason, Collection<String> accepted) {
    var sorted = accepted.stream().sorted().toList();
    var message =
        sorted.stream().allMatch(reason::contains)
            ? reason
            : reason + " Accepted: " + String.join(", ", sorted) + ".";
    return new ApiException(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        message,
        Map.of("pdf", List.of(message), "accepted", sorted),
        Map.of());
  }

  /**
   * Content refused for its active content (the policy {@code reject}): the same status as any
   * unacceptable content, the detail naming what was found in words, and {@code active_content}
   * their wire names.
   */
  static ApiException activeContent(String reason, Set<ActiveContent> found) {
    var names = found.stream().sorted().map(ActiveContent::wire).toList();
    return new ApiException(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        reason,
        Map.of("pdf", List.of(reason), "active_content", names),
        Map.of());
  }

  private static ApiException field(HttpStatus status, String message) {
    return new ApiException(status, message, Map.of("pdf", List.of(message)), Map.of());
  }
}
