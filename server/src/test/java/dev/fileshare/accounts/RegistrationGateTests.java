package dev.fileshare.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fileshare.shared.UserId;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class RegistrationGateTests {

  static final RegistrationLimits NO_LIMITS =
      new RegistrationLimits() {
        @Override
        public void take(String clientAddress, Kind kind) {}

        @Override
        public void takeInvitation(UserId inviter) {}
      };

  static RegistrationGate gate(
      @Nullable String policy, List<String> domains, MockEnvironment environment) {
    var settings = new RegistrationSettings(policy, domains, false, false, Duration.ofDays(7));
    return new RegistrationGate(settings, environment, null, NO_LIMITS, Clock.systemUTC());
  }

  static RegistrationGate domains(String... domains) {
    return gate("domains", List.of(domains), new MockEnvironment());
  }

  @Test
  void aDomainIsItselfAndAWildcardEveryDomainUnderIt() {
    var gate = domains("example.org", "*.Example.NET");
    assertThat(gate.allowed("ann@example.org")).isTrue();
    assertThat(gate.allowed("ann@EXAMPLE.org")).isTrue();
    assertThat(gate.allowed("ann@sub.example.org")).isFalse();
    assertThat(gate.allowed("ann@lab.example.net")).isTrue();
    assertThat(gate.allowed("ann@a.b.example.net")).isTrue();
    assertThat(gate.allowed("ann@example.net")).isFalse();
    assertThat(gate.allowed("ann@badexample.net")).isFalse();
    assertThat(gate.allowed("ann@example.org.evil.test")).isFalse();
    assertThat(gate.allowed("example.org")).isFalse();
  }

  @Test
  void theNoticeNamesTheDomainsInWords() {
    assertThat(domains("example.org", "*.example.org").notice())
        .hasValue(
            "Only addresses at example.org or any domain under example.org may register on this"
                + " server, or people with an invitation.");
  }

  @Test
  void thePlainSettingNamesThePolicyWhenPolicyIsNotSet() {
    var environment = new MockEnvironment().withProperty("fileshare.registration", "Invite");
    assertThat(gate(null, List.of(), environment).policy()).isEqualTo(RegistrationPolicy.INVITE);
    assertThat(gate("closed", List.of(), environment).policy())
        .isEqualTo(RegistrationPolicy.CLOSED);
    assertThat(gate(null, List.of(), new MockEnvironment()).policy())
        .isEqualTo(RegistrationPolicy.OPEN);
    assertThat(gate(null, List.of(), new MockEnvironment()).notice()).isEmpty();
  }

  @Test
  void aWrongSettingStopsTheStart() {
    assertThatThrownBy(() -> gate("everyone", List.of(), new MockEnvironment()))
        .hasMessageContaining("open, domains, invite or closed");
    assertThatThrownBy(() -> gate("domains", List.of(), new MockEnvironment()))
        .hasMessageContaining("needs fileshare.registration.domains");
    assertThatThrownBy(() -> domains("*.*.example.org")).hasMessageContaining("not *.*");
    assertThatThrownBy(() -> domains("ann@example.org")).hasMessageContaining("not ann@");
  }
}
