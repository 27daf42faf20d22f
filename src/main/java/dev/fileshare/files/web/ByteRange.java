package dev.fileshare.files.web;

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

  /** The requested range, {@link #UNSATISFIABLE}, or {@code null} to send the whole file. */
  static ByteRange parse(String header, long size) {
    if (header == null) {
      return null;
    }
    var text = header.strip();
    if (text.length() < 6 || !text.substring(0, 6).equalsIgnoreCase("bytes=")) {
      return null;
    }
    var spec = text.substring(6).strip();
    if (spec.contains(",")) {
      return null;
    }
    var dash = spec.indexOf('-');
    if (dash < 0) {
      return null;
    }
    var firstText = spec.substring(0, dash).strip();
    var lastText = spec.substring(dash + 1).strip();
    var first = number(firstText);
    var last = number(lastText);
    if ((first == null && !firstText.isEmpty()) || (last == null && !lastText.isEmpty())) {
      return null;
    }
    if (first == null) {
      if (last == null) {
        return null;
      }
      // bytes=-N: the last N bytes
      return last == 0
          ? UNSATISFIABLE
          : new ByteRange(Math.max(0, size - last), Math.min(last, size));
    }
    if (last != null && last < first) {
      return null;
    }
    if (first >= size) {
      return UNSATISFIABLE;
    }
    var end = last == null ? size - 1 : Math.min(last, size - 1);
    return new ByteRange(first, end - first + 1);
  }

  private static Long number(String text) {
    if (text.isEmpty() || text.length() > 18 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return null;
    }
    return Long.parseLong(text);
  }
}
