package dev.fileshare.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.accounts.AccountAdministration;
import dev.fileshare.support.ApiTest;
import dev.fileshare.support.SignUp;
import dev.fileshare.support.SsoFlow;
import dev.fileshare.support.TestIdentityProvider;
import dev.fileshare.support.TestIdentityProvider.Person;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Single sign-on on a server that creates no accounts through it ({@code
 * fileshare.sso.create-accounts=false}) and registers nobody itself ({@code closed}): the people
 * who have an account still sign in with it, nobody else gets in.
 */
class SsoPolicyIntegrationTests extends ApiTest {

  static String publicUrl;

  @Autowired AccountAdministration administration;

  @DynamicPropertySource
  static void provider(DynamicPropertyRegistry registry) {
    publicUrl = TestIdentityProvider.configure(registry, "corp", "Corporate Login");
    registry.add("fileshare.sso.create-accounts", () -> "false");
    registry.add("fileshare.registration.policy", () -> "closed");
  }

  @Test
  void anUnknownPersonIsRefused() {
    var name = TestIdentityProvider.newName("stranger");
    TestIdentityProvider.person(new Person(name, name + "@sso.example.org", true, List.of()));

    assertThat(SsoFlow.error(new SsoFlow().signIn(publicUrl, "corp", name))).contains("no_account");
  }

  @Test
  void anExistingAccountSignsIn() {
    var name = SignUp.newName("member");
    // under the closed policy accounts come from the command line
    administration.createAdmin(name, SignUp.email(name), SignUp.PASSWORD);
    var atProvider = TestIdentityProvider.newName("member");
    TestIdentityProvider.person(new Person(atProvider, SignUp.email(name), true, List.of()));

    var page = new SsoFlow().signIn(publicUrl, "corp", atProvider);
    var answer =
        api.post("/api/user/login/sso/")
            .json(Map.of("code", SsoFlow.code(page).orElseThrow()))
            .send();
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    var me = api.get("/api/user/me/").token(answer.json().get("token").asString()).send();
    assertThat(me.json().get("username").asString()).isEqualTo(name);
  }
}
