package dev.fileshare.requests;

import java.util.regex.Pattern;

/**
 * What an uploader says of themselves, checked: a name on one line of bounded length, and an
 * address with one @ and a dot in its domain; each needed only when the request asks for it.
 */
final class SenderFields {

  static final int NAME_MAX = 200;
  static final int EMAIL_MAX = 254;
  private static final Pattern ADDRESS =
      Pattern.compile(
          "[^@\\s\\p{Cntrl},;<>\"]{1,64}@[^@\\s\\p{Cntrl},;<>\"]+\\.[^@\\s\\p{Cntrl},;<>\"]+");

  private SenderFields() {}

  static String name(String given, boolean required) {
    var name = RequestPolicy.oneLine(given);
    if (required && name.isEmpty()) {
      throw RequestProblems.invalid("uploader_name", "This request asks for your name.");
    }
    if (name.codePointCount(0, name.length()) > NAME_MAX) {
      throw RequestProblems.invalid(
          "uploader_name", "A name may have at most " + NAME_MAX + " characters.");
    }
    return name;
  }

  static String email(String given, boolean required) {
    var email = given.strip();
    if (required && email.isEmpty()) {
      throw RequestProblems.invalid("uploader_email", "This request asks for your email address.");
    }
    if (!email.isEmpty() && (email.length() > EMAIL_MAX || !ADDRESS.matcher(email).matches())) {
      throw RequestProblems.invalid("uploader_email", "This is not an email address.");
    }
    return email;
  }
}
