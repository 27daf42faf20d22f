package dev.fileshare.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.SplittableRandom;

/**
 * Valid PDF files of any size, written as they are made: a one-page document with one stream of
 * random bytes (different for each seed) that pads it to the size asked for.
 */
final class TestPdfs {

  private TestPdfs() {}

  static Path write(Path path, long size, long seed) throws IOException {
    var objects =
        new String[] {
          "<< /Type /Catalog /Pages 2 0 R >>",
          "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
          "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>"
        };
    var padding = Math.max(16, size - 620);
    var random = new SplittableRandom(seed);
    var offsets = new ArrayList<Long>();
    Files.createDirectories(path.toAbsolutePath().getParent());
    try (var out = new CountingOutput(Files.newOutputStream(path))) {
      out.text("%PDF-1.4\n");
      for (var i = 0; i < objects.length; i++) {
        offsets.add(out.count);
        out.text((i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n");
      }
      offsets.add(out.count);
      out.text("4 0 obj\n<< /Length " + padding + " >>\nstream\n");
      var buffer = new byte[1 << 20];
      var left = padding;
      while (left > 0) {
        random.nextBytes(buffer);
        var n = (int) Math.min(buffer.length, left);
        out.write(buffer, 0, n);
        left -= n;
      }
      out.text("\nendstream\nendobj\n");
      var xref = out.count;
      out.text("xref\n0 5\n0000000000 65535 f \n");
      for (var offset : offsets) {
        out.text(String.format("%010d 00000 n \n", offset));
      }
      out.text("trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n" + xref + "\n%%EOF\n");
    }
    return path;
  }

  private static final class CountingOutput extends BufferedOutputStream {
    long count;

    CountingOutput(java.io.OutputStream out) {
      super(out, 1 << 20);
    }

    void text(String text) throws IOException {
      write(text.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
      super.write(bytes, offset, length);
      count += length;
    }

    @Override
    public void write(byte[] bytes) throws IOException {
      write(bytes, 0, bytes.length);
    }
  }
}
