package dev.fileshare.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Sha256Tests {

  /** FIPS 180-2, appendix B.1. */
  static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

  @Test
  void aDigestFedInPiecesIsSpelledAsLowerCaseHex() {
    var digest = Sha256.digest();
    digest.update("a".getBytes(StandardCharsets.UTF_8));
    digest.update("bc".getBytes(StandardCharsets.UTF_8));
    assertThat(Sha256.hex(digest)).isEqualTo(ABC);
    assertThat(Sha256.of("abc")).isEqualTo(ABC);
  }

  @Test
  void theDigestOfNothingIsTheKnownOne() {
    assertThat(Sha256.hex(Sha256.digest()))
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  }
}
