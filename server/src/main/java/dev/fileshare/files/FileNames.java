package dev.fileshare.files;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import org.jspecify.annotations.Nullable;

/**
 * Cleans a client's filename into metadata that is safe to store and to send back in a header: no
 * path parts, no control or invisible formatting characters (bidi overrides among them), at most
 * 255 bytes of UTF-8. The name never becomes a path on the server.
 */
final class FileNames {

  static final int MAX_BYTES = 255;
  static final String FALLBACK = "file";
  private static final int MAX_EXTENSION_BYTES = 32;

  private FileNames() {}

  /** The cleaned name; {@link #FALLBACK} for none. */
  static String clean(@Nullable String raw) {
    if (raw == null) {
      return FALLBACK;
    }
    var name = Normalizer.normalize(raw, Normalizer.Form.NFC);
    var cut = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    name = visible(name.substring(cut + 1)).strip();
    if (name.isEmpty() || name.chars().allMatch(c -> c == '.')) {
      return FALLBACK;
    }
    return truncate(name);
  }

  /**
   * Drops control, format, unpaired surrogate and unassigned characters; other spaces become ' '.
   */
  private static String visible(String name) {
    var out = new StringBuilder(name.length());
    name.codePoints()
        .forEach(
            c -> {
              switch (Character.getType(c)) {
                case Character.CONTROL,
                    Character.FORMAT,
                    Character.SURROGATE,
                    Character.UNASSIGNED,
                    Character.PRIVATE_USE -> {}
                case Character.SPACE_SEPARATOR,
                    Character.LINE_SEPARATOR,
                    Character.PARAGRAPH_SEPARATOR ->
                    out.append(' ');
                default -> out.appendCodePoint(c);
              }
            });
    return out.toString();
  }

  /**
   * Cuts the name to {@link #MAX_BYTES} bytes of UTF-8 at a character boundary, keeping the
   * extension.
   */
  private static String truncate(String name) {
    if (bytes(name) <= MAX_BYTES) {
      return name;
    }
    var dot = name.lastIndexOf('.');
    var extension = dot > 0 ? name.substring(dot) : "";
    if (bytes(extension) > MAX_EXTENSION_BYTES) {
      extension = "";
    }
    var stem = extension.isEmpty() ? name : name.substring(0, dot);
    var budget = MAX_BYTES - bytes(extension);
    var out = new StringBuilder();
    var used = 0;
    for (var i = 0; i < stem.length(); ) {
      var c = stem.codePointAt(i);
      var size = bytes(new String(Character.toChars(c)));
      if (used + size > budget) {
        break;
      }
      out.appendCodePoint(c);
      used += size;
      i += Character.charCount(c);
    }
    return out.toString().strip() + extension;
  }

  private static int bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }
}
