package dev.fileshare.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fileshare.shared.ApiException;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecipientsTests {

  @Test
  void addressesAndDomainsAreNormalisedWithoutRepeats() {
    var recipients =
        Recipients.parse(
            "recipients", List.of(" Ann@Example.ORG", "*@Partner.Example", "ann@example.org"));
    assertThat(recipients.patterns()).containsExactly("ann@example.org", "*@partner.example");
    assertThat(Recipients.stored(recipients.lines())).isEqualTo(recipients);
  }

  @Test
  void anAddressIsAllowedByItselfOrItsWholeDomainOnly() {
    var recipients =
        Recipients.parse("recipients", List.of("ann@example.org", "*@partner.example"));
    assertThat(recipients.allows("ann@example.org")).isTrue();
    assertThat(recipients.allows("bob@partner.example")).isTrue();
    assertThat(recipients.allows("bob@example.org")).isFalse();
    assertThat(recipients.allows("bob@sub.partner.example")).isFalse();
    assertThat(recipients.allows("ann@example.org.evil.example")).isFalse();
    assertThat(Recipients.anyone().restricts()).isFalse();
    assertThat(Recipients.anyone().allows("ann@example.org")).isFalse();
  }

  @Test
  void malformedEntriesAndTooManyAreRefusedNamingTheField() {
    for (var bad :
        List.of("bob@", "@example.org", "bob", "*@nodot", "*@", "a b@example.org", "x@y@z.org")) {
      assertThatThrownBy(() -> Recipients.parse("recipients", List.of(bad)))
          .as(bad)
          .isInstanceOfSatisfying(
              ApiException.class, e -> assertThat(e.members()).containsKey("recipients"));
    }
    var many = Collections.nCopies(Recipients.MAX + 1, "ann@example.org");
    assertThatThrownBy(() -> Recipients.parse("recipients", many))
        .hasMessageContaining("At most " + Recipients.MAX);
  }

  @Test
  void aTypedAddressIsTrimmedAndLowerCased() {
    assertThat(Recipients.address("  Ann@Example.Org ")).contains("ann@example.org");
    assertThat(Recipients.address("not an address")).isEmpty();
    assertThat(Recipients.address("ann@example.org\nBcc: x@y.org")).isEmpty();
  }
}
