package dev.fileshare.requests;

import java.util.regex.Pattern;

/** What passes for an email address an uploader gives: one @, a dot in the domain, no spaces. */
final class EmailAddresses {

  static final int MAX = 254;
  private static final Pattern ADDRESS =
      Pattern.compile(
          "[^@\\s\\p{Cntrl},;<>\"]{1,64}@[^@\\s\\p{Cntrl},;<>\"]+\\.[^@\\s\\p{Cntrl},;<>\"]+");

  private EmailAddresses() {}

  static boolean valid(String address) {
    return address.length() <= MAX && ADDRESS.matcher(address).matches();
  }
}
