package dev.fileshare.sharing;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** What a link gives out. */
public enum LinkMode {
  /** The file itself. */
  DOWNLOAD,
  /** Only pictures of its pages, rendered by the server; never the file's bytes. */
  VIEW;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Optional<LinkMode> of(@Nullable String wire) {
    return Arrays.stream(values()).filter(mode -> mode.wire().equals(wire)).findFirst();
  }

  static LinkMode parse(String wire) {
    return of(wire).orElse(DOWNLOAD);
  }
}
