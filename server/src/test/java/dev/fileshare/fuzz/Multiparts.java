package dev.fileshare.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/** Multipart bodies with the boundary {@code fuzz}: well formed, or broken in one place. */
final class Multiparts {

  private Multiparts() {}

  static byte[] body(Random random, byte[] pdf) {
    var out = new ByteArrayOutputStream();
    var parts = random.nextInt(4);
    for (var i = 0; i < parts; i++) {
      var field = random.nextBoolean() ? "pdf" : Values.pick(random, Values.STRINGS);
      var filename =
          random.nextBoolean()
              ? "; filename=\"" + Values.string(random).replace("\"", "") + "\""
              : "";
      write(out, "--fuzz\r\nContent-Disposition: form-data; name=\"" + field + "\"" + filename);
      if (random.nextBoolean()) {
        write(
            out, "\r\nContent-Type: " + (random.nextBoolean() ? "application/pdf" : "text/plain"));
      }
      write(out, "\r\n\r\n");
      var content =
          switch (random.nextInt(3)) {
            case 0 -> pdf;
            case 1 -> Values.string(random).getBytes(StandardCharsets.UTF_8);
            default -> Values.bytes(random, 1024);
          };
      out.writeBytes(content);
      write(out, "\r\n");
    }
    if (random.nextInt(5) != 0) {
      write(out, "--fuzz--\r\n");
    }
    return out.toByteArray();
  }

  private static void write(ByteArrayOutputStream out, String text) {
    out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
  }
}
