package dev.fileshare.accounts;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fileshare.shared.ApiException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTests {

  final PasswordPolicy policy =
      new PasswordPolicy(
          new AccountsSettings(Duration.ofHours(24), Duration.ofMinutes(60), 12, 1024, 3));

  @ParameterizedTest
  @ValueSource(
      strings = {
        "correct horse battery staple",
        "violet kettles hum beneath 9 lanterns",
        "Ünïcödé pässwörds wörk töö 42",
      })
  void acceptsStrongPasswords(String password) {
    assertThatCode(() -> policy.check(password, "alice", "alice@example.org"))
        .doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(strings = {"password1234", "qwertyuiopas", "111111111111", "iloveyou1234"})
  void refusesGuessablePasswords(String password) {
    assertThatThrownBy(() -> policy.check(password, "alice", "alice@example.org"))
        .isInstanceOf(ApiException.class)
        .hasMessageStartingWith("Password is too easy to guess");
  }

  @Test
  void refusesPasswordsBuiltFromTheNameOrAddress() {
    assertThatThrownBy(() -> policy.check("zebediah-2024-!!", "zebediah", "z@example.org"))
        .hasMessage("Password is too similar to the username or email address");
    assertThatThrownBy(
            () -> policy.check("my quirkyhandle rocks", "bob", "quirkyhandle@example.org"))
        .hasMessage("Password is too similar to the username or email address");
  }

  @Test
  void countsCharactersNotBytesAndNeverCuts() {
    assertThatThrownBy(() -> policy.check("ééééééééééé", "alice", "a@example.org"))
        .hasMessage("Password must be at least 12 characters long");
    assertThatThrownBy(() -> policy.check("x".repeat(1025), "alice", "a@example.org"))
        .hasMessage("Password must be at most 1024 characters long");
    assertThatCode(
            () ->
                policy.check("Tall ships sail " + "on and on ".repeat(100), "al", "a@example.org"))
        .doesNotThrowAnyException();
  }
}
