package dev.fileshare.files.web.download;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Coverage-guided fuzzing of the {@code Range} header. Whatever the header and the file's size, a
 * range that is served lies within the file, and nothing but an ignored header, an unsatisfiable
 * range or one range comes out. The committed inputs in {@code ByteRangeFuzzTestsInputs} run with
 * the unit tests; {@code bench/jazzer.sh} fuzzes.
 */
class ByteRangeFuzzTests {

  /** Input: the file's size (8 bytes, big-endian, sign bit cleared), then the header (Latin-1). */
  @FuzzTest
  void rangeLiesWithinTheFile(byte[] input) {
    if (input.length < Long.BYTES) {
      return;
    }
    var size = ByteBuffer.wrap(input).getLong() & Long.MAX_VALUE;
    var header =
        new String(
            Arrays.copyOfRange(input, Long.BYTES, input.length), StandardCharsets.ISO_8859_1);
    var parsed = ByteRange.parse(header, size);
    if (parsed.isEmpty()) {
      return;
    }
    var range = parsed.get();
    if (range.satisfiable()) {
      assertThat(range.start()).isBetween(0L, size - 1);
      assertThat(range.end()).isBetween(range.start(), size - 1);
      assertThat(range.length()).isEqualTo(range.end() - range.start() + 1);
    } else {
      assertThat(range.length()).isZero();
    }
  }
}
