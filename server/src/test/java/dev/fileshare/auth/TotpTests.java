package dev.fileshare.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The test vectors of RFC 6238 appendix B, and the window and Base32 around them. */
class TotpTests {

  private static final byte[] SHA1_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] SHA256_KEY =
      "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] SHA512_KEY =
      "1234567890123456789012345678901234567890123456789012345678901234"
          .getBytes(StandardCharsets.US_ASCII);

  @ParameterizedTest
  @CsvSource({
    "59, 94287082, 46119246, 90693936",
    "1111111109, 07081804, 68084774, 25091201",
    "1111111111, 14050471, 67062674, 99943326",
    "1234567890, 89005924, 91819424, 93441116",
    "2000000000, 69279037, 90698825, 38618901",
    "20000000000, 65353130, 77737706, 47863826"
  })
  void rfc6238Vectors(long seconds, String sha1, String sha256, String sha512) {
    var step = Totp.step(seconds * 1000);
    assertThat(Totp.code(SHA1_KEY, step, 8, "HmacSHA1")).isEqualTo(sha1);
    assertThat(Totp.code(SHA256_KEY, step, 8, "HmacSHA256")).isEqualTo(sha256);
    assertThat(Totp.code(SHA512_KEY, step, 8, "HmacSHA512")).isEqualTo(sha512);
  }

  @Test
  void base32RoundTripsAndMatchesRfc4648() {
    assertThat(Totp.base32("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
    assertThat(Totp.decode("mzxw 6ytb oi======")).isEqualTo("foobar".getBytes());
    var secret = Totp.newSecret();
    assertThat(secret).hasSize(32);
    assertThat(Totp.base32(Totp.decode(secret))).isEqualTo(secret);
  }

  @Test
  void acceptsOneStepEitherSideAndNoMore() {
    var secret = Totp.base32(SHA1_KEY);
    var now = 1_111_111_111_000L;
    var step = Totp.step(now);
    for (long s = step - 1; s <= step + 1; s++) {
      var code = Totp.code(SHA1_KEY, s, 6, "HmacSHA1");
      assertThat(Totp.matchingStep(secret, code, now)).hasValue(s);
    }
    assertThat(Totp.matchingStep(secret, Totp.code(SHA1_KEY, step + 2, 6, "HmacSHA1"), now))
        .isEmpty();
    assertThat(Totp.matchingStep(secret, "12345", now)).isEmpty();
    assertThat(Totp.matchingStep(secret, "abcdef", now)).isEmpty();
  }
}
