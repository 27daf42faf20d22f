package dev.fileshare.accounts;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Where a page of the administrators' user list ends: the order it was listed in and the last
 * user's key in it. The next page starts right after that key in the same unique index, so every
 * page costs what the first does and users added meanwhile are neither repeated nor skip another.
 * Clients see it as an opaque string.
 *
 * @param byEmail whether the list is in the order of email addresses (a search for an address)
 *     rather than of usernames
 * @param key the last user's lower-case username or address
 */
public record UserCursor(boolean byEmail, String key) {

  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  /** Before every user, in this order. */
  public static UserCursor start(boolean byEmail) {
    return new UserCursor(byEmail, "");
  }

  /** The opaque text of the cursor, safe in a URL as it is. */
  public String encode() {
    var text = (byEmail ? "e" : "u") + "\n" + key;
    return ENCODER.encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The cursor this text encodes; empty when it is not one. */
  public static Optional<UserCursor> decode(String text) {
    String decoded;
    try {
      decoded = new String(DECODER.decode(text), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    var parts = decoded.split("\n", 2);
    if (parts.length != 2
        || parts[1].isEmpty()
        || parts[1].indexOf('\0') >= 0
        || !(parts[0].equals("e") || parts[0].equals("u"))) {
      return Optional.empty();
    }
    return Optional.of(new UserCursor(parts[0].equals("e"), parts[1]));
  }
}
