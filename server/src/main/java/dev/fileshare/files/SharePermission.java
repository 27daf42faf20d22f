package dev.fileshare.files;

import java.util.Locale;
import java.util.Optional;

/** What a person a file is shared with may do with it. */
public enum SharePermission {
  /** See and download it. */
  READ,
  /** Also replace its content and rename it; never delete it, change who sees it or reshare it. */
  EDIT;

  private final String wire = name().toLowerCase(Locale.ROOT);

  /** The name on the wire and in the database: {@code read} or {@code edit}. */
  public String wire() {
    return wire;
  }

  public static Optional<SharePermission> parse(String text) {
    for (var permission : values()) {
      if (permission.wire().equals(text)) {
        return Optional.of(permission);
      }
    }
    return Optional.empty();
  }
}
