package dev.fileshare.resumable.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.fileshare.shared.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * Coverage-guided fuzzing of the tus request headers that carry numbers and a digest. Each is read
 * into a value that keeps the protocol's promise (offsets and lengths are whole numbers of at least
 * zero, a checksum is a SHA-256 in hex) or refused with a 400 problem, never another exception.
 */
class TusHeadersFuzzTests {

  /**
   * Input: Latin-1 lines, each the value of a header in this order: Upload-Offset, Upload-Length,
   * Upload-Checksum, Upload-Defer-Length; a header whose line is missing is not sent.
   */
  @FuzzTest
  void readOrRefused(byte[] input) {
    var lines = new String(input, StandardCharsets.ISO_8859_1).split("\n", -1);
    var request = new MockHttpServletRequest("PATCH", "/api/uploads/1");
    var names = new String[] {"Upload-Offset", "Upload-Length", "Upload-Checksum"};
    for (var i = 0; i < names.length && i < lines.length; i++) {
      request.addHeader(names[i], lines[i]);
    }
    if (lines.length > names.length) {
      request.addHeader("Upload-Defer-Length", lines[names.length]);
    }

    var offset = read(() -> TusHeaders.uploadOffset(request));
    if (offset != null) {
      assertThat(offset).isNotNegative().isEqualTo(Long.parseLong(lines[0].strip()));
    }
    var length = read(() -> TusHeaders.uploadLength(request));
    if (length != null) {
      assertThat(length).isNotNegative().isEqualTo(Long.parseLong(lines[1].strip()));
    }
    if (lines.length > 2) {
      var hex = read(() -> TusHeaders.sha256(request));
      if (hex != null) {
        assertThat(hex).matches("[0-9a-f]{64}");
        assertThat(HexFormat.of().parseHex(hex)).hasSize(32);
      }
    } else {
      assertThat(TusHeaders.sha256(request)).isNull();
    }
  }

  /** The value, or null when it was refused with 400. */
  private static <T> @Nullable T read(Supplier<T> header) {
    try {
      return header.get();
    } catch (ApiException e) {
      assertThat(e.status().value()).as(e.getMessage()).isEqualTo(400);
      return null;
    }
  }
}
