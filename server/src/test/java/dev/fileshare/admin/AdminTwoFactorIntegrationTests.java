package dev.fileshare.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.support.ApiTest;
import dev.fileshare.support.Mailbox;
import dev.fileshare.support.SignUp;
import dev.fileshare.support.TwoFactorUsers;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A user who lost the authenticator app and the recovery codes: an administrator sees that the
 * account has two-factor sign-in and turns it off; the user signs in with the password alone, is
 * told by mail, and the audit log says which administrator did it.
 */
class AdminTwoFactorIntegrationTests extends ApiTest {

  static final String OFF = "Two-factor sign-in is off for your fileshare account";

  @Autowired JdbcClient jdbc;

  @Test
  void anAdministratorTurnsItOffAndTheUserIsTold() throws Exception {
    var admin = AdminCalls.admin(api, jdbc, "admin" + Long.toString(System.nanoTime(), 36));
    var bob = TwoFactorUsers.enrolled(api, clock, "bob");
    var id = api.get("/api/user/me/").token(bob.token()).send().json().get("id").asLong();
    var shown = AdminCalls.get(api, admin.token(), "/api/admin/users/" + id + "/");
    assertThat(shown.json().get("two_factor").asBoolean()).isTrue();
    var listed = AdminCalls.get(api, admin.token(), "/api/admin/users/?search=" + bob.name());
    assertThat(listed.json().get(0).get("two_factor").asBoolean()).isTrue();

    var byBob = api.post("/api/admin/users/" + id + "/2fa/disable/").token(bob.token()).send();
    assertThat(byBob.status()).as("not an administrator").isEqualTo(403);
    var off = AdminCalls.post(api, admin.token(), "/api/admin/users/" + id + "/2fa/disable/");
    assertThat(off.status()).as(off.toString()).isEqualTo(200);
    assertThat(off.json().get("two_factor").asBoolean()).isFalse();
    assertThat(off.json().get("username").asString()).isEqualTo(bob.name());

    var login =
        api.post("/api/user/login/")
            .json(Map.of("username", bob.name(), "password", SignUp.PASSWORD))
            .send();
    assertThat(login.status()).as(login.toString()).isEqualTo(200);
    assertThat(login.json().has("token")).as("no code asked").isTrue();
    var mail = Mailbox.await(SignUp.email(bob.name()), OFF, 1);
    assertThat(Mailbox.text(mail))
        .contains("The administrator " + admin.username() + " turned two-factor sign-in off")
        .contains("/#/account");
    var audit = AdminCalls.get(api, admin.token(), "/api/admin/audit/?user=" + id).json();
    var actions = new java.util.ArrayList<String>();
    audit.forEach(entry -> actions.add(entry.get("action").asString()));
    assertThat(actions).startsWith("signed_in", "two_factor_disabled");
    assertThat(audit.get(1).get("actor").asLong()).isEqualTo(admin.id());

    var again = AdminCalls.post(api, admin.token(), "/api/admin/users/" + id + "/2fa/disable/");
    assertThat(again.status()).as("already off: as it is").isEqualTo(200);
    Thread.sleep(1_000); // a few rounds of the mail worker: a second mail would show now
    assertThat(Mailbox.about(SignUp.email(bob.name()), OFF)).as("no second mail").hasSize(1);
    var unknown = AdminCalls.post(api, admin.token(), "/api/admin/users/999999999/2fa/disable/");
    assertThat(unknown.status()).isEqualTo(404);
  }
}
