package dev.fileshare.files;

import java.util.Locale;
import java.util.Optional;

/** Who may see a file besides its owner. */
public enum Visibility {
  /** Every signed-in user with a verified email address. */
  USERS,
  /** Nobody: for everyone but the owner the file does not exist. */
  PRIVATE;

  private final String wire = name().toLowerCase(Locale.ROOT);

  /** The name on the wire and in the database: {@code users} or {@code private}. */
  public String wire() {
    return wire;
  }

  public static Optional<Visibility> parse(String text) {
    for (var visibility : values()) {
      if (visibility.wire().equals(text)) {
        return Optional.of(visibility);
      }
    }
    return Optional.empty();
  }
}
