package dev.fileshare.sharing;

import dev.fileshare.shared.ApiException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** The answers to link requests that cannot be accepted, each saying what to do instead. */
public final class LinkProblems {

  private LinkProblems() {}

  /** A member with a bad value: {@code {"detail": message, "field": [message]}}. */
  public static ApiException invalid(String field, String message) {
    return ApiException.invalid(field, message);
  }

  static ApiException switchedOff() {
    return new ApiException(HttpStatus.FORBIDDEN, "Links are switched off on this server.");
  }

  static ApiException notWorking() {
    return ApiException.notFound();
  }

  static ApiException expired(Instant when) {
    return gone(
        "expired", "This link expired on " + when + ". Ask the person who sent it for a new one.");
  }

  static ApiException usedUp(long downloads) {
    return gone(
        "download_limit_reached",
        "This link has reached its download limit of "
            + downloads
            + (downloads == 1 ? " download" : " downloads")
            + ". Ask the person who sent it for a new one.");
  }

  static ApiException needsPassword() {
    return new ApiException(
        HttpStatus.FORBIDDEN,
        "This link needs its password: unlock it first and send the access you get.",
        Map.of("error", "password_required"),
        Map.of());
  }

  static ApiException needsRecipient() {
    return new ApiException(
        HttpStatus.FORBIDDEN,
        "Only named people may open this link: prove your address with a code first, and send the"
            + " access you get.",
        Map.of("error", "recipient_required"),
        Map.of());
  }

  static ApiException viewOnly() {
    return new ApiException(
        HttpStatus.FORBIDDEN,
        "This link is for reading only: its document can be read page by page in the viewer, and"
            + " is never downloaded.",
        Map.of("error", "view_only"),
        Map.of());
  }

  static ApiException notViewOnly() {
    return new ApiException(
        HttpStatus.CONFLICT,
        "This link gives the document itself: download it instead of asking for its pages.",
        Map.of("error", "not_view_only"),
        Map.of());
  }

  static ApiException notRestricted() {
    return invalid("address", "Anyone with this link may open it: no code is needed.");
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
