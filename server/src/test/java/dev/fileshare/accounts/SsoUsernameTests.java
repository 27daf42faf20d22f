package dev.fileshare.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The name single sign-on gives a new account, before a number makes it unique. */
class SsoUsernameTests {

  @Test
  void thePreferredUsernameWhenThereIsOne() {
    assertThat(SsoAccountService.base(Optional.of(" ann.lee "), "a@example.org"))
        .isEqualTo("ann.lee");
  }

  @Test
  void elseTheAddresssLocalPart() {
    assertThat(SsoAccountService.base(Optional.empty(), "ann.lee+files@example.org"))
        .isEqualTo("ann.lee+files");
    assertThat(SsoAccountService.base(Optional.of("  "), "bo@example.org")).isEqualTo("bo");
  }

  @Test
  void whatAUsernameMayNotHoldIsDropped() {
    assertThat(SsoAccountService.base(Optional.of("Ann Lee (HR)"), "a@example.org"))
        .isEqualTo("AnnLeeHR");
    assertThat(SsoAccountService.base(Optional.of("Zoë"), "a@example.org")).isEqualTo("Zoë");
    assertThat(SsoAccountService.base(Optional.of("!!!"), "a@example.org")).isEqualTo("user");
    assertThat(SsoAccountService.base(Optional.of("x".repeat(300)), "a@example.org")).hasSize(140);
  }
}
