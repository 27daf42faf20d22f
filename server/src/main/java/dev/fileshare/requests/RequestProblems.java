package dev.fileshare.requests;

import dev.fileshare.shared.ApiException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** The answers to file request calls that cannot be accepted, each saying what to do instead. */
public final class RequestProblems {

  private RequestProblems() {}

  /** A member with a bad value: {@code {"detail": message, "field": [message]}}. */
  public static ApiException invalid(String field, String message) {
    return ApiException.invalid(field, message);
  }

  static ApiException closed() {
    return gone("closed", "This request is closed: it takes no more files.");
  }

  static ApiException expired(Instant when) {
    return gone("expired", "This request expired on " + when + ": it takes no more files.");
  }

  /** 409: every slot is taken; says how many files the request takes. */
  static ApiException full(long maxFiles) {
    var message =
        "This request has received all the files it takes ("
            + maxFiles
            + (maxFiles == 1 ? " file" : " files")
            + ").";
    return new ApiException(
        HttpStatus.CONFLICT,
        message,
        Map.of("error", message, "reason", "max_files_reached", "max_files", maxFiles),
        Map.of());
  }

  static ApiException needsVisit() {
    return new ApiException(
        HttpStatus.FORBIDDEN,
        "Start a visit first (POST /api/r/<token>/visits) and send it in the Request-Visit header.",
        Map.of("error", "visit_required"),
        Map.of());
  }

  static ApiException needsPassword() {
    return new ApiException(
        HttpStatus.FORBIDDEN,
        "This request needs its password: start a visit with the password.",
        Map.of("error", "password_required"),
        Map.of());
  }

  static ApiException needsRecipient() {
    return new ApiException(
        HttpStatus.FORBIDDEN,
        "Only named people may send files through this request: prove your address with a code"
            + " (POST /api/r/<token>/code, then /verify) first.",
        Map.of("error", "recipient_required"),
        Map.of());
  }

  static ApiException notRestricted() {
    return invalid("address", "Anyone with this link may send files: no code is needed.");
  }

  static ApiException wrongPassword() {
    var message = "The password is not right.";
    return new ApiException(
        HttpStatus.BAD_REQUEST, message, Map.of("password", List.of(message)), Map.of());
  }

  private static ApiException gone(String reason, String message) {
    return new ApiException(
        HttpStatus.GONE, message, Map.of("error", message, "reason", reason), Map.of());
  }
}
