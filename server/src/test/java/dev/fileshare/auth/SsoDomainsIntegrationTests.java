package dev.fileshare.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.support.ApiTest;
import dev.fileshare.support.SsoFlow;
import dev.fileshare.support.TestIdentityProvider;
import dev.fileshare.support.TestIdentityProvider.Person;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Registration's domains still limit whom single sign-on creates accounts for. */
class SsoDomainsIntegrationTests extends ApiTest {

  static String publicUrl;

  @DynamicPropertySource
  static void provider(DynamicPropertyRegistry registry) {
    publicUrl = TestIdentityProvider.configure(registry, "corp", "Corporate Login");
    registry.add("fileshare.registration.policy", () -> "domains");
    registry.add("fileshare.registration.domains", () -> "staff.example.org");
  }

  private String signIn(String email) {
    var name = TestIdentityProvider.newName("person");
    TestIdentityProvider.person(new Person(name, email, true, List.of()));
    return new SsoFlow().signIn(publicUrl, "corp", name).getFragment();
  }

  @Test
  void anAddressOfAListedDomainGetsAnAccount() {
    assertThat(signIn(TestIdentityProvider.newName("ann") + "@staff.example.org"))
        .startsWith("sso=");
  }

  @Test
  void anAddressOfAnotherDomainIsRefused() {
    assertThat(signIn(TestIdentityProvider.newName("eve") + "@elsewhere.example.org"))
        .isEqualTo("sso_error=domain");
  }
}
