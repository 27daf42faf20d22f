package dev.fileshare.files.web.multipart;

import static dev.fileshare.files.web.multipart.MultipartBodies.body;
import static dev.fileshare.files.web.multipart.MultipartBodies.misses;
import static dev.fileshare.files.web.multipart.MultipartBodies.nearMisses;
import static dev.fileshare.files.web.multipart.MultipartBodies.parse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.files.web.multipart.MultipartBodies.Chopped;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The delimiter search: parts come back byte for byte, however the input is cut. */
class MultipartStreamScanTests {

  private static final int SMALL_BUFFER = 600;

  /**
   * Near misses of the delimiter at every position relative to the buffer's edges: a small buffer
   * that each read fills exactly, and body lengths sweeping more than two buffers.
   */
  @ParameterizedTest
  @ValueSource(strings = {"b", "----WebKitFormBoundary7MA4YWxkTrZu0gW"})
  void nearMissesAtEveryPositionAroundTheBufferEdges(String boundary) throws IOException {
    var random = new Random(boundary.length());
    var misses = misses(boundary);
    for (var lead = 0; lead < 2 * SMALL_BUFFER + 100; lead++) {
      var miss = misses.get(lead % misses.size());
      var plain = new byte[lead];
      random.nextBytes(plain);
      var missLast = concat(plain, miss);
      var missMiddle = concat(missLast, new byte[] {'x', '\r'});
      var parts = List.of(missLast, missMiddle, new byte[0], miss);
      var body = body(boundary, "", parts, "");

      var whole = parse(body, boundary, SMALL_BUFFER, new ByteArrayInputStream(body), random);
      assertSame(whole, parts, "lead " + lead);
      var chopped = new Chopped(body, random, 1 + random.nextInt(40));
      assertSame(parse(body, boundary, SMALL_BUFFER, chopped, random), parts, "chopped " + lead);
    }
  }

  /** Every miss, and the bytes of a part, may end exactly where the buffer ends. */
  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3, 7})
  void partsEndingAtEveryOffsetOfTheBuffer(int offset) throws IOException {
    var boundary = "frontier";
    var random = new Random(offset);
    for (var size = 0; size < 3 * SMALL_BUFFER; size += 1 + offset) {
      var parts = new ArrayList<byte[]>();
      for (var i = 0; i < 3; i++) {
        parts.add(nearMisses(boundary, size, random));
      }
      var body = body(boundary, "preamble", parts, "epilogue");
      var got = parse(body, boundary, SMALL_BUFFER, new ByteArrayInputStream(body), random);
      assertSame(got, parts, "size " + size);
    }
  }

  /** Large parts full of near misses, the request delivered in reads of 1 byte to 100 KiB. */
  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
  void randomReadSizes(int seed) throws IOException {
    var random = new Random(seed);
    var boundary = seed % 2 == 0 ? "x" : "------------------------d74496d66958873e";
    var parts = new ArrayList<byte[]>();
    var count = 1 + random.nextInt(5);
    for (var i = 0; i < count; i++) {
      parts.add(nearMisses(boundary, random.nextInt(random.nextBoolean() ? 100 : 400_000), random));
    }
    var body = body(boundary, seed % 3 == 0 ? "" : "a preamble", parts, "an epilogue\r\n");
    var max = new int[] {1, 17, 4096, 100 * 1024}[seed % 4];
    var in = new Chopped(body, random, max);
    var got = parse(body, boundary, MultipartParts.BUFFER_BYTES, in, random);
    assertSame(got, parts, "seed " + seed);
  }

  private static void assertSame(List<byte[]> got, List<byte[]> expected, String what) {
    assertThat(got).as(what).hasSameSizeAs(expected);
    for (var i = 0; i < expected.size(); i++) {
      assertThat(got.get(i)).as(what + ", part " + i).isEqualTo(expected.get(i));
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    var out = new ByteArrayOutputStream();
    out.writeBytes(a);
    out.writeBytes(b);
    return out.toByteArray();
  }
}
