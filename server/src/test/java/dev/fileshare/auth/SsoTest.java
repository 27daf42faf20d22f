package dev.fileshare.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.accounts.AccountAdministration;
import dev.fileshare.shared.UserId;
import dev.fileshare.support.ApiTest;
import dev.fileshare.support.SsoFlow;
import dev.fileshare.support.TestIdentityProvider;
import dev.fileshare.support.TestIdentityProvider.Person;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the single sign-on tests through the real server and a real OpenID Connect provider
 * ({@link TestIdentityProvider}): one server for all of them, signing in with the provider as
 * {@code test}, with {@value #ADMINS} as the admin group.
 */
abstract class SsoTest extends ApiTest {

  static final String ADMINS = "fileshare-admins";
  static String publicUrl;

  @DynamicPropertySource
  static void provider(DynamicPropertyRegistry registry) {
    publicUrl = TestIdentityProvider.configure(registry, "test", "Test Login");
    registry.add("fileshare.sso.admin-group", () -> ADMINS);
  }

  @Autowired AccountAdministration administration;
  @Autowired JdbcClient jdbc;

  static Person person(String name, String email, boolean verified, String... groups) {
    return TestIdentityProvider.person(new Person(name, email, verified, List.of(groups)));
  }

  static Person person(String name, String... groups) {
    return person(name, name + "@sso.example.org", true, groups);
  }

  URI signIn(String name) {
    return new SsoFlow().signIn(publicUrl, "test", name);
  }

  String code(URI page) {
    assertThat(page.toString()).startsWith(publicUrl + "/#sso=");
    return SsoFlow.code(page).orElseThrow();
  }

  String exchange(String code) {
    var answer = api.post("/api/user/login/sso/").json(Map.of("code", code)).send();
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    return answer.json().get("token").asString();
  }

  String tokenOf(String name) {
    return exchange(code(signIn(name)));
  }

  String username(String token) {
    var me = api.get("/api/user/me/").token(token).send();
    assertThat(me.status()).as(me.toString()).isEqualTo(200);
    return me.json().get("username").asString();
  }

  UserId idOf(String username) {
    return new UserId(
        jdbc.sql("SELECT id FROM users WHERE username_key = ?")
            .param(username.toLowerCase(Locale.ROOT))
            .query(Long.class)
            .single());
  }

  List<String> auditOf(UserId user) {
    return jdbc.sql("SELECT action FROM audit_log WHERE subject_id = ? ORDER BY id")
        .param(user.value())
        .query(String.class)
        .list();
  }
}
