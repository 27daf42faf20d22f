package dev.fileshare.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SecretCipherTests {

  static final String OLD = "old key of this test with 32 characters or more";
  static final String NEW = "new key of this test with 32 characters or more";
  static final String SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

  @Test
  void withoutAKeySecretsAreStoredAsTheyAre() {
    var cipher = new SecretCipher(null, List.of());
    assertThat(cipher.hasKeys()).isFalse();
    assertThat(cipher.seal(7, SECRET)).isEqualTo(SECRET);
    assertThat(cipher.open(7, SECRET)).contains(SECRET);
    assertThat(cipher.isCurrent(SECRET)).isTrue();
  }

  @Test
  void aSealedSecretOpensForItsUserOnly() {
    var cipher = new SecretCipher(NEW, List.of());
    var sealed = cipher.seal(7, SECRET);
    assertThat(sealed).startsWith("enc:v1:").doesNotContain(SECRET);
    assertThat(cipher.seal(7, SECRET)).as("a new nonce each time").isNotEqualTo(sealed);
    assertThat(cipher.open(7, sealed)).contains(SECRET);
    assertThat(cipher.open(8, sealed)).as("copied to another user's row").isEmpty();
    assertThat(cipher.isCurrent(sealed)).isTrue();
    assertThat(cipher.isCurrent(SECRET)).as("a plain one is to be sealed").isFalse();
  }

  @Test
  void aChangedOrForeignSealDoesNotOpen() {
    var sealed = new SecretCipher(NEW, List.of()).seal(7, SECRET);
    var cipher = new SecretCipher(NEW, List.of());
    var last = sealed.charAt(sealed.length() - 1);
    var changed = sealed.substring(0, sealed.length() - 1) + (last == 'A' ? 'B' : 'A');
    assertThat(cipher.open(7, changed)).isEmpty();
    assertThat(cipher.open(7, "enc:v1:nonsense")).isEmpty();
    assertThat(cipher.open(7, sealed.substring(0, 20))).isEmpty();
    assertThat(new SecretCipher(OLD, List.of()).open(7, sealed)).isEmpty();
    assertThat(new SecretCipher(null, List.of()).open(7, sealed)).isEmpty();
    assertThat(SecretCipher.keyId(sealed)).hasValueSatisfying(id -> assertThat(id).hasSize(8));
  }

  @Test
  void aPreviousKeyStillOpensAndItsSealsAreToBeWrittenAgain() {
    var old = new SecretCipher(OLD, List.of()).seal(7, SECRET);
    var rotated = new SecretCipher(NEW, List.of(OLD));
    assertThat(rotated.open(7, old)).contains(SECRET);
    assertThat(rotated.isCurrent(old)).isFalse();
    var off = new SecretCipher(null, List.of(OLD));
    assertThat(off.hasKeys()).isTrue();
    assertThat(off.open(7, old)).contains(SECRET);
    assertThat(off.isCurrent(old)).as("turning encryption off writes it plain").isFalse();
    assertThat(off.seal(7, SECRET)).isEqualTo(SECRET);
  }

  @Test
  void aShortKeyIsRefused() {
    assertThatThrownBy(() -> new SecretCipher("short", List.of()))
        .hasMessageContaining("at least 32 characters");
  }
}
