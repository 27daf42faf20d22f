package dev.fileshare.files.web.download;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A single {@code Range: bytes=...} request (RFC 9110, section 14). Several ranges, other units and
 * malformed headers are ignored, which the RFC allows: the whole file is sent.
 *
 * @param start the first byte
 * @param length how many bytes; 0 when the range cannot be satisfied
 */
record ByteRange(long start, long length) {

  static final ByteRange UNSATISFIABLE = new ByteRange(-1, 0);

  boolean satisfiable() {
    return length > 0;
  }

  long end() {
    return start + length - 1;
  }

  /**
   * The requested range, or {@link #UNSATISFIABLE}; empty when the whole file is to be sent (no
   * header, or one that is ignored).
   */
  static Optional<ByteRange> parse(@Nullable String header, long size) {
    if (header == null) {
      return Optional.empty();
    }
    var text = header.strip();
    if (text.length() < 6 || !text.substring(0, 6).equalsIgnoreCase("bytes=")) {
      return Optional.empty();
    }
    var spec = text.substring(6).strip();
    var dash = spec.indexOf('-');
    if (spec.contains(",") || dash < 0) {
      return Optional.empty();
    }
    var firstText = spec.substring(0, dash).strip();
    var lastText = spec.substring(dash + 1).strip();
    var first = number(firstText);
    var last = number(lastText);
    if ((first < 0 && !firstText.isEmpty()) || (last < 0 && !lastText.isEmpty())) {
      return Optional.empty();
    }
    if (first < 0) {
      // bytes=-N: the last N bytes
      return last < 0
          ? Optional.empty()
          : Optional.of(
              last == 0
                  ? UNSATISFIABLE
                  : new ByteRange(Math.max(0, size - last), Math.min(last, size)));
    }
    if (last >= 0 && last < first) {
      return Optional.empty();
    }
    if (first >= size) {
      return Optional.of(UNSATISFIABLE);
    }
    var end = last < 0 ? size - 1 : Math.min(last, size - 1);
    return Optional.of(new ByteRange(first, end - first + 1));
  }

  /** The decimal number, or -1 if the text is empty or not one. */
  private static long number(String text) {
    if (text.isEmpty() || text.length() > 18 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return -1;
    }
    return Long.parseLong(text);
  }
}
