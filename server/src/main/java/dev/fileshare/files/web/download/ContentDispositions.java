package dev.fileshare.files.web.download;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * {@code Content-Disposition: attachment} with both an ASCII {@code filename} for old clients and
 * the exact name as RFC 5987 {@code filename*} (RFC 6266). The names are already free of control
 * characters; anything that could break the header is replaced here anyway.
 */
final class ContentDispositions {

  private static final String ATTR_CHARS = "!#$&+-.^_`|~";

  private ContentDispositions() {}

  static String attachment(String name) {
    return "attachment; filename=\"" + asciiFallback(name) + "\"; filename*=UTF-8''" + encode(name);
  }

  /** Accents dropped, other non-ASCII characters and {@code " \ %} replaced by {@code _}. */
  static String asciiFallback(String name) {
    var plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    var out = new StringBuilder(plain.length());
    plain
        .codePoints()
        .forEach(
            c -> {
              if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '%') {
                out.append((char) c);
              } else {
                out.append('_');
              }
            });
    return out.toString();
  }

  /** RFC 5987 {@code value-chars}: attr-chars as they are, every other UTF-8 byte as %XX. */
  static String encode(String name) {
    var out = new StringBuilder();
    for (var b : name.getBytes(StandardCharsets.UTF_8)) {
      var c = (char) (b & 0xff);
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || ATTR_CHARS.indexOf(c) >= 0) {
        out.append(c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
        out.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }
}
