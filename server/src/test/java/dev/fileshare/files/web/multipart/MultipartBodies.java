package dev.fileshare.files.web.multipart;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Multipart bodies for the scanner's tests, and a request stream that hands them out in pieces. */
final class MultipartBodies {

  private MultipartBodies() {}

  /** A body with one part per entry of {@code parts}, named {@code p0}, {@code p1}… */
  static byte[] body(String boundary, String preamble, List<byte[]> parts, String epilogue) {
    var out = new ByteArrayOutputStream();
    if (!preamble.isEmpty()) {
      out.writeBytes(ascii(preamble + "\r\n"));
    }
    for (var i = 0; i < parts.size(); i++) {
      out.writeBytes(ascii("--" + boundary + "\r\n"));
      out.writeBytes(ascii("Content-Disposition: form-data; name=\"p" + i + "\"\r\n\r\n"));
      out.writeBytes(parts.get(i));
      out.writeBytes(ascii("\r\n"));
    }
    out.writeBytes(ascii("--" + boundary + "--\r\n" + epilogue));
    return out.toByteArray();
  }

  /**
   * Random bytes of about {@code size}, with near misses of {@code CRLF--boundary} spliced in: each
   * of its proper prefixes, and the whole delimiter with its last byte changed.
   */
  static byte[] nearMisses(String boundary, int size, Random random) {
    var out = new ByteArrayOutputStream();
    var delimiter = ascii("\r\n--" + boundary);
    var misses = misses(boundary);
    var next = -1; // the byte that would take the last miss one step closer to the delimiter
    while (out.size() < size) {
      var run = new byte[1 + random.nextInt(Math.max(1, Math.min(size, 2000)))];
      random.nextBytes(run);
      if (run[0] == next) {
        run[0] ^= 1;
      }
      out.writeBytes(run);
      var miss = misses.get(random.nextInt(misses.size()));
      out.writeBytes(miss);
      next = miss.length < delimiter.length ? delimiter[miss.length] : -1;
    }
    return Arrays.copyOf(out.toByteArray(), size);
  }

  /** Every proper prefix of the delimiter, and the delimiter with its last byte changed. */
  static List<byte[]> misses(String boundary) {
    var delimiter = ascii("\r\n--" + boundary);
    var misses = new ArrayList<byte[]>();
    for (var length = 1; length < delimiter.length; length++) {
      misses.add(Arrays.copyOf(delimiter, length));
    }
    var changed = delimiter.clone();
    changed[changed.length - 1] ^= 0x20;
    misses.add(changed);
    return misses;
  }

  /**
   * The bodies of all parts, each read with a random mix of {@code read()} and reads of any size.
   */
  static List<byte[]> parse(byte[] body, String boundary, int bufferBytes, InputStream in, Random r)
      throws IOException {
    var stream = new MultipartStream(in, ascii(boundary), bufferBytes, 256);
    var parts = new ArrayList<byte[]>();
    while (stream.nextPart()) {
      stream.readHeaders();
      parts.add(drain(stream.body(), r));
    }
    return parts;
  }

  static byte[] drain(InputStream part, Random random) throws IOException {
    var out = new ByteArrayOutputStream();
    var chunk = new byte[70_000];
    while (true) {
      if (random.nextInt(8) == 0) {
        var b = part.read();
        if (b < 0) {
          return out.toByteArray();
        }
        out.write(b);
      } else {
        var len = random.nextInt(random.nextBoolean() ? 20 : chunk.length - 5);
        var n = part.read(chunk, 5, len);
        if (n < 0) {
          return out.toByteArray();
        }
        out.write(chunk, 5, n);
      }
    }
  }

  static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** A request stream that returns between 1 and {@code max} bytes a read, at random. */
  static final class Chopped extends InputStream {
    private final byte[] data;
    private final Random random;
    private final int max;
    private int position;

    Chopped(byte[] data, Random random, int max) {
      this.data = data;
      this.random = random;
      this.max = max;
    }

    @Override
    public int read() {
      return position < data.length ? data[position++] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (position == data.length) {
        return -1;
      }
      var n = Math.min(Math.min(len, data.length - position), 1 + random.nextInt(max));
      System.arraycopy(data, position, b, off, n);
      position += n;
      return n;
    }
  }
}
