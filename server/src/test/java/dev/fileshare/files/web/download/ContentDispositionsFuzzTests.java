package dev.fileshare.files.web.download;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Pattern;
import org.springframework.http.ContentDisposition;

/**
 * Coverage-guided fuzzing of the {@code Content-Disposition} we write for a download. Whatever the
 * name, the header is one line of printable ASCII of the expected shape (no CR, LF, quote or
 * parameter of the name's making), and a standard parser reads the exact name back from it.
 */
class ContentDispositionsFuzzTests {

  private static final Pattern SHAPE =
      Pattern.compile(
          "attachment; filename=\"[ !#-\\[\\]-~]*\"; filename\\*=UTF-8''[A-Za-z0-9!#$&+.^_`|~%-]*");

  /**
   * Input: a first byte, then the name: as UTF-8 when the byte is even, as raw UTF-16 code units
   * (two bytes each, big-endian; unpaired surrogates possible) when it is odd.
   */
  @FuzzTest
  void nameRoundTripsWithoutInjection(byte[] input) {
    if (input.length == 0) {
      return;
    }
    var name = name(input);
    var header = ContentDispositions.attachment(name);

    assertThat(SHAPE.matcher(header).matches()).as(header).isTrue();
    var encoded = StandardCharsets.UTF_8.newEncoder();
    if (encoded.canEncode(name)) {
      assertThat(ContentDisposition.parse(header).getFilename()).isEqualTo(name);
    }
  }

  private static String name(byte[] input) {
    var rest = Arrays.copyOfRange(input, 1, input.length);
    if ((input[0] & 1) == 0) {
      return new String(rest, StandardCharsets.UTF_8);
    }
    var chars = new char[rest.length / 2];
    for (var i = 0; i < chars.length; i++) {
      chars[i] = (char) (((rest[2 * i] & 0xff) << 8) | (rest[2 * i + 1] & 0xff));
    }
    return new String(chars);
  }
}
