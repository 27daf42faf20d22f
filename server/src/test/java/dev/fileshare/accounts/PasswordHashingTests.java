package dev.fileshare.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;

class PasswordHashingTests {

  final PasswordEncoder encoder = new PasswordHashing().passwordEncoder();

  @Test
  void theHashForUnknownNamesCostsWhatAnAccountsHashCosts() {
    var real = encoder.encode("violet kettles hum beneath 9 lanterns");

    // algorithm, version, memory, iterations and parallelism, then salt and hash of equal length
    assertThat(shape(PasswordHashing.UNKNOWN_USER_HASH)).isEqualTo(shape(real));
    assertThat(encoder.upgradeEncoding(PasswordHashing.UNKNOWN_USER_HASH)).isFalse();
    assertThat(encoder.matches("", PasswordHashing.UNKNOWN_USER_HASH)).isFalse();
  }

  private static List<String> shape(String hash) {
    var parts = hash.split("\\$");
    assertThat(parts).hasSize(6);
    return Arrays.asList(
        parts[0],
        parts[1],
        parts[2],
        parts[3],
        "salt " + parts[4].length(),
        "hash " + parts[5].length());
  }
}
