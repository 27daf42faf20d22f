package dev.fileshare.fuzz;

import java.util.List;
import java.util.Random;

/** Values that real clients send by mistake or on purpose, drawn by a seeded random source. */
final class Values {

  static final List<String> STRINGS =
      List.of(
          "",
          " ",
          "a",
          "report.pdf",
          "alice",
          "someone@example.org",
          "correct horse battery staple 43",
          "users",
          "private",
          "read",
          "edit",
          "me",
          "-size",
          "null",
          "true",
          "0",
          "-1",
          "1e309",
          "../../etc/passwd",
          "C:\\Windows\\win.ini",
          "<script>alert(1)</script>",
          "' OR 1=1 --",
          "%00",
          "\u0000",
          "\u202egnp.pdf",
          "\uD83D\uDE00\uD83D\uDE00",
          "\uD800",
          "été.pdf",
          "a\r\nb",
          "2026-01-01T00:00:00Z",
          "1999-01-01",
          "not a date");

  static final List<Object> NUMBERS =
      List.of(0, 1, -1, 2, 1000, Integer.MAX_VALUE, Long.MAX_VALUE, Long.MIN_VALUE, 1.5, 1e308);

  private Values() {}

  static <T> T pick(Random random, List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  /** A string from the list, or one made now: long, random characters, or random code points. */
  static String string(Random random) {
    return switch (random.nextInt(10)) {
      case 0 -> "x".repeat(1 + random.nextInt(5000));
      case 1 -> randomText(random, 1 + random.nextInt(40));
      default -> pick(random, STRINGS);
    };
  }

  static String randomText(Random random, int length) {
    var out = new StringBuilder();
    for (var i = 0; i < length; i++) {
      var c = random.nextInt(4) == 0 ? random.nextInt(0x3000) : 0x20 + random.nextInt(0x5f);
      if (!Character.isSurrogate((char) c)) {
        out.appendCodePoint(c);
      }
    }
    return out.toString();
  }

  static byte[] bytes(Random random, int max) {
    var bytes = new byte[random.nextInt(max + 1)];
    random.nextBytes(bytes);
    return bytes;
  }
}
