package dev.fileshare.sharing;

import dev.fileshare.shared.ApiException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * The answers to a one-time code that cannot be accepted: each a 400 that names the {@code code}
 * (or {@code address}) member and says what to do, with {@code error} telling the cases apart.
 */
final class CodeProblems {

  private CodeProblems() {}

  static ApiException malformedAddress() {
    return LinkProblems.invalid("address", "Enter an email address, such as ann@example.org.");
  }

  static ApiException malformedCode() {
    return code("code_malformed", "Enter the 6 digits of the code from the mail.", Map.of());
  }

  static ApiException wrong(int triesLeft) {
    var message =
        triesLeft == 0
            ? "The code is not right, and it has no tries left: ask for a new code."
            : "The code is not right: "
                + triesLeft
                + (triesLeft == 1 ? " try" : " tries")
                + " left.";
    return code("code_wrong", message, Map.of("tries_left", triesLeft));
  }

  static ApiException noTriesLeft() {
    return code(
        "code_no_tries_left",
        "This code was entered wrongly too often and no longer works: ask for a new code.",
        Map.of("tries_left", 0));
  }

  static ApiException expired() {
    return code("code_expired", "This code has expired: ask for a new code.", Map.of());
  }

  static ApiException used() {
    return code("code_used", "This code was already used: ask for a new code.", Map.of());
  }

  static ApiException otherScope() {
    return code(
        "code_for_another_link",
        "This code was sent for another link: enter it on the page of the link you asked it for,"
            + " or ask for a code here.",
        Map.of());
  }

  static ApiException notAsked() {
    return code(
        "code_not_requested",
        "No code was asked for this address here: ask for a code first.",
        Map.of());
  }

  private static ApiException code(String error, String message, Map<String, Object> more) {
    var members = new java.util.HashMap<String, Object>(more);
    members.put("code", List.of(message));
    members.put("error", error);
    return new ApiException(HttpStatus.BAD_REQUEST, message, members, Map.of());
  }
}
