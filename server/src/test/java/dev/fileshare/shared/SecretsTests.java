package dev.fileshare.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import org.junit.jupiter.api.Test;

class SecretsTests {

  @Test
  void secretsAreRandomHexOfTheRequestedSize() {
    var seen = new HashSet<String>();
    for (int i = 0; i < 1000; i++) {
      var secret = Secrets.generate(20);
      assertThat(secret).matches("[0-9a-f]{40}");
      assertThat(Secrets.looksLike(secret, 20)).isTrue();
      seen.add(secret);
    }
    assertThat(seen).hasSize(1000);
  }

  @Test
  void hashIsSha256Hex() {
    assertThat(Secrets.hash("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void looksLikeRefusesAnythingElse() {
    assertThat(Secrets.looksLike(null, 20)).isFalse();
    assertThat(Secrets.looksLike("A".repeat(40), 20)).isFalse();
    assertThat(Secrets.looksLike("a".repeat(39), 20)).isFalse();
    assertThat(Secrets.looksLike("../../etc/passwd", 8)).isFalse();
  }
}
