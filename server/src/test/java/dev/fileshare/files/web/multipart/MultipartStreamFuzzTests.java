package dev.fileshare.files.web.multipart;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.fileshare.files.web.multipart.MultipartBodies.Chopped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Coverage-guided fuzzing of the multipart scanner against a reference that splits the whole body
 * with {@code indexOf}: for any body, boundary, buffer size, header limit and way the request
 * arrives in pieces, the scanner yields the same parts, headers and bytes as the reference, and
 * fails (with an {@link IOException}, never anything else) exactly where the reference does.
 */
class MultipartStreamFuzzTests {

  private static final byte[] CRLF = {'\r', '\n'};

  /** One part: its header block and its body. */
  record Part(byte[] headers, byte[] body) {
    @Override
    public boolean equals(Object other) {
      return other instanceof Part part
          && Arrays.equals(headers, part.headers)
          && Arrays.equals(body, part.body);
    }

    @Override
    public int hashCode() {
      return 31 * Arrays.hashCode(headers) + Arrays.hashCode(body);
    }

    @Override
    public String toString() {
      return "Part["
          + new String(headers, StandardCharsets.ISO_8859_1)
          + "|"
          + new String(body, StandardCharsets.ISO_8859_1)
          + "]";
    }
  }

  /** The parts up to the end or the first failure, and whether it was the end. */
  record Outcome(List<Part> parts, boolean complete) {}

  /**
   * Input: the boundary's length less one (1 byte, modulo 70), the boundary, the largest piece the
   * request hands out at once (1 byte), the part header limit (1 byte), the buffer size (1 byte,
   * times 16), a seed for how the bodies are read (1 byte), then the body.
   */
  @FuzzTest
  void partsMatchTheReference(byte[] input) {
    if (input.length < 1) {
      return;
    }
    var boundaryLength = 1 + (input[0] & 0xff) % 70;
    var at = 1 + boundaryLength;
    if (input.length < at + 4) {
      return;
    }
    var boundary = Arrays.copyOfRange(input, 1, at);
    var pieces = 1 + (input[at] & 0xff);
    var maxHeaders = 1 + (input[at + 1] & 0xff);
    var bufferBytes = 16 * (input[at + 2] & 0xff);
    var random = new Random(input[at + 3]);
    var body = Arrays.copyOfRange(input, at + 4, input.length);

    var expected = reference(body, boundary, maxHeaders);
    var actual = scan(body, boundary, maxHeaders, bufferBytes, pieces, random);

    assertThat(actual.parts()).isEqualTo(expected.parts());
    assertThat(actual.complete()).isEqualTo(expected.complete());
    // headers are compared as the UTF-8 text the scanner hands out; bodies are raw bytes
    assertThat(actual.parts().stream().mapToInt(p -> p.body().length).sum())
        .isLessThanOrEqualTo(body.length);
  }

  private static Outcome scan(
      byte[] body, byte[] boundary, int maxHeaders, int bufferBytes, int pieces, Random random) {
    var stream =
        new MultipartStream(new Chopped(body, random, pieces), boundary, bufferBytes, maxHeaders);
    var parts = new ArrayList<Part>();
    try {
      while (stream.nextPart()) {
        var headers = stream.readHeaders().getBytes(StandardCharsets.UTF_8);
        parts.add(new Part(headers, MultipartBodies.drain(stream.body(), random)));
      }
      return new Outcome(parts, true);
    } catch (IOException e) {
      return new Outcome(parts, false);
    }
  }

  /** RFC 2046 the slow way: the whole body in hand, each delimiter found with indexOf. */
  static Outcome reference(byte[] input, byte[] boundary, int maxHeaders) {
    var body = concat(CRLF, input);
    var delimiter = concat(new byte[] {'\r', '\n', '-', '-'}, boundary);
    var parts = new ArrayList<Part>();
    var at = indexOf(body, delimiter, 0);
    while (at >= 0) {
      at += delimiter.length;
      if (at + 2 > body.length) {
        break;
      }
      if (body[at] == '-' && body[at + 1] == '-') {
        return new Outcome(parts, true);
      }
      while (at < body.length && (body[at] == ' ' || body[at] == '\t')) {
        at++;
      }
      if (at + 2 > body.length || body[at] != '\r' || body[at + 1] != '\n') {
        break;
      }
      at += 2;
      var headersEnd =
          startsWith(body, CRLF, at) ? at + 2 : indexOf(body, new byte[] {13, 10, 13, 10}, at) + 4;
      if (headersEnd < at + 2 || headersEnd - at > maxHeaders) {
        break;
      }
      var next = indexOf(body, delimiter, headersEnd);
      if (next < 0) {
        break;
      }
      var headers = Arrays.copyOfRange(body, at, headersEnd);
      // the scanner hands headers out as UTF-8 text
      headers = new String(headers, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
      parts.add(new Part(headers, Arrays.copyOfRange(body, headersEnd, next)));
      at = next;
    }
    return new Outcome(parts, false);
  }

  private static int indexOf(byte[] data, byte[] pattern, int from) {
    for (var i = from; i + pattern.length <= data.length; i++) {
      if (startsWith(data, pattern, i)) {
        return i;
      }
    }
    return -1;
  }

  private static boolean startsWith(byte[] data, byte[] prefix, int at) {
    if (at + prefix.length > data.length) {
      return false;
    }
    for (var i = 0; i < prefix.length; i++) {
      if (data[at + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    var out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
