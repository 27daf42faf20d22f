package dev.fileshare.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.support.ApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Disabling an account ends its sign-ins at once, refuses new ones with a problem that says why,
 * and makes its links and file requests answer as unknown ones; enabling it brings them back. Each
 * change is logged with who made it and to whom.
 */
@ExtendWith(OutputCaptureExtension.class)
class AdminDisableIntegrationTests extends ApiTest {

  @Autowired JdbcClient jdbc;
  AdminCalls.User admin;
  AdminCalls.User bob;

  @BeforeEach
  void users() {
    var stamp = Long.toString(System.nanoTime(), 36);
    admin = AdminCalls.admin(api, jdbc, "admin" + stamp);
    bob = AdminCalls.user(api, jdbc, "bob" + stamp);
  }

  @Test
  void disablingEndsSignInsAndLinksUntilEnabled(CapturedOutput output) {
    var link = AdminCalls.link(api, bob.token());
    var request = AdminCalls.request(api, bob.token());
    var second = AdminCalls.login(api, bob.username()).json().get("token").asString();
    assertThat(download(link)).isEqualTo(200);
    assertThat(api.get("/api/r/" + request + "/").send().status()).isEqualTo(200);

    var disabled = AdminCalls.post(api, admin.token(), disable(bob));
    assertThat(disabled.status()).as(disabled.toString()).isEqualTo(200);
    assertThat(disabled.json().get("disabled").asBoolean()).isTrue();
    assertThat(disabled.json().get("disabled_at").asString()).endsWith("Z");
    assertThat(output.getOut())
        .contains("Administrator " + admin.username() + " disabled the account " + bob.username());

    for (var token : new String[] {bob.token(), second}) {
      var me = api.get("/api/user/me/").token(token).send();
      assertThat(me.status()).as(me.toString()).isEqualTo(401);
    }
    var login = AdminCalls.login(api, bob.username());
    assertThat(login.status()).as(login.toString()).isEqualTo(403);
    assertThat(login.contentType()).startsWith("application/problem+json");
    assertThat(login.json().get("detail").asString()).contains("disabled");
    assertThat(login.text()).doesNotContain("\"token\"");
    assertThat(download(link)).isEqualTo(404);
    assertThat(api.get("/api/s/" + link + "/").send().status()).isEqualTo(404);
    assertThat(api.get("/s/" + link).send().status()).isEqualTo(404);
    assertThat(api.get("/api/r/" + request + "/").send().status()).isEqualTo(404);
    var again = AdminCalls.post(api, admin.token(), disable(bob));
    assertThat(again.status()).as("disabling twice is no error").isEqualTo(200);

    var enabled = AdminCalls.post(api, admin.token(), "/api/admin/users/" + bob.id() + "/enable/");
    assertThat(enabled.status()).as(enabled.toString()).isEqualTo(200);
    assertThat(enabled.json().get("disabled").asBoolean()).isFalse();
    assertThat(output.getOut())
        .contains("Administrator " + admin.username() + " enabled the account " + bob.username());
    assertThat(download(link)).isEqualTo(200);
    assertThat(api.get("/api/r/" + request + "/").send().status()).isEqualTo(200);
    var back = AdminCalls.login(api, bob.username());
    assertThat(back.status()).as(back.toString()).isEqualTo(200);
    var me = api.get("/api/user/me/").token(back.json().get("token").asString()).send();
    assertThat(me.status()).isEqualTo(200);
  }

  @Test
  void anAdministratorCannotDisableThemself() {
    var answer = AdminCalls.post(api, admin.token(), disable(admin));
    assertThat(answer.status()).as(answer.toString()).isEqualTo(409);
    assertThat(answer.json().get("detail").asString()).contains("your own account");
    assertThat(api.get("/api/admin/totals/").token(admin.token()).send().status()).isEqualTo(200);
    var unknown = AdminCalls.post(api, admin.token(), "/api/admin/users/999999999/disable/");
    assertThat(unknown.status()).isEqualTo(404);
  }

  @Test
  void aRevokedAdministratorIsRefusedAtOnce() {
    assertThat(api.get("/api/admin/totals/").token(admin.token()).send().status()).isEqualTo(200);
    jdbc.sql("UPDATE users SET is_admin = ? WHERE id = ?").params(false, admin.id()).update();
    assertThat(api.get("/api/admin/totals/").token(admin.token()).send().status()).isEqualTo(403);
  }

  @Test
  void aSignInIsRecorded() {
    var path = "/api/admin/users/" + bob.id() + "/";
    var first = AdminCalls.get(api, admin.token(), path).json().get("last_login").asString();
    clock.advance(java.time.Duration.ofMinutes(5));
    assertThat(AdminCalls.login(api, bob.username()).status()).isEqualTo(200);
    var later = AdminCalls.get(api, admin.token(), path).json().get("last_login").asString();
    assertThat(java.time.Instant.parse(later)).isAfter(java.time.Instant.parse(first));
  }

  private int download(String link) {
    return api.get("/api/s/" + link + "/download/").send().status();
  }

  private static String disable(AdminCalls.User user) {
    return "/api/admin/users/" + user.id() + "/disable/";
  }
}
