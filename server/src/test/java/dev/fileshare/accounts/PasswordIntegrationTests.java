package dev.fileshare.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.support.ApiTest;
import dev.fileshare.support.Mailbox;
import dev.fileshare.support.SignUp;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PasswordIntegrationTests extends ApiTest {

  static final String NEW_PASSWORD = "violet kettles hum beneath 9 lanterns";

  int me(String token) {
    return api.get("/api/user/me/").token(token).send().status();
  }

  @Test
  void changingThePasswordEndsEveryOtherSignIn() {
    var name = SignUp.newName("sybil");
    var current = SignUp.verifiedUser(api, name);
    var other = SignUp.login(api, name, SignUp.PASSWORD);

    var wrong =
        api.post("/api/user/password/")
            .token(current)
            .json(Map.of("old_password", "not my password", "new_password", NEW_PASSWORD))
            .send();
    assertThat(wrong.status()).isEqualTo(400);
    assertThat(wrong.json().get("error").asString()).isEqualTo("Current password is incorrect");
    var weak =
        api.post("/api/user/password/")
            .token(current)
            .json(Map.of("old_password", SignUp.PASSWORD, "new_password", "password1234"))
            .send();
    assertThat(weak.status()).isEqualTo(400);

    var changed =
        api.post("/api/user/password/")
            .token(current)
            .json(Map.of("old_password", SignUp.PASSWORD, "new_password", NEW_PASSWORD))
            .send();
    assertThat(changed.status()).isEqualTo(200);
    assertThat(me(current)).isEqualTo(200);
    assertThat(me(other)).isEqualTo(401);
    assertThat(SignUp.login(api, name, NEW_PASSWORD)).hasSize(40);
    var old =
        api.post("/api/user/login/")
            .json(Map.of("username", name, "password", SignUp.PASSWORD))
            .send();
    assertThat(old.status()).isEqualTo(400);
    assertThat(api.post("/api/user/password/").json(Map.of()).send().status()).isEqualTo(401);
  }

  @Test
  void aResetByMailWorksOnceAndEndsEverySignIn() {
    var name = SignUp.newName("trent");
    var token = SignUp.verifiedUser(api, name);

    var known =
        api.post("/api/user/password-reset/").json(Map.of("email", SignUp.email(name))).send();
    var unknown =
        api.post("/api/user/password-reset/")
            .json(Map.of("email", SignUp.newName("ghost") + "@example.org"))
            .send();
    assertThat(known.status()).isEqualTo(202).isEqualTo(unknown.status());
    assertThat(known.text()).isEqualTo(unknown.text());

    var mail = Mailbox.await(SignUp.email(name), 2);
    var reset = Mailbox.token(mail, "/reset-password/");
    var page = api.get("/reset-password/" + reset).send();
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.text()).contains("type=\"password\"");

    var weak =
        api.post("/api/user/password-reset/confirm/")
            .json(Map.of("token", reset, "password", "short"))
            .send();
    assertThat(weak.status()).isEqualTo(400);
    var done =
        api.post("/api/user/password-reset/confirm/")
            .json(Map.of("token", reset, "password", NEW_PASSWORD))
            .send();
    assertThat(done.status()).as(done.toString()).isEqualTo(200);
    assertThat(me(token)).isEqualTo(401);
    assertThat(SignUp.login(api, name, NEW_PASSWORD)).hasSize(40);

    var again =
        api.post("/api/user/password-reset/confirm/")
            .json(Map.of("token", reset, "password", NEW_PASSWORD + " again"))
            .send();
    assertThat(again.status()).isEqualTo(400);
  }

  @Test
  void theResetPageSetsANewPasswordAndResetLinksExpireAfterAnHour() {
    var name = SignUp.newName("uma");
    SignUp.verifiedUser(api, name);
    api.post("/api/user/password-reset/").json(Map.of("email", SignUp.email(name))).send();
    var reset = Mailbox.token(Mailbox.await(SignUp.email(name), 2), "/reset-password/");
    var page = api.post("/reset-password/" + reset).form(Map.of("password", NEW_PASSWORD)).send();
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.text()).contains("Password changed");
    assertThat(SignUp.login(api, name, NEW_PASSWORD)).hasSize(40);

    api.post("/api/user/password-reset/").json(Map.of("email", SignUp.email(name))).send();
    var late =
        Mailbox.token(
            Mailbox.await(SignUp.email(name), "Reset your fileshare password", 2),
            "/reset-password/");
    clock.advance(Duration.ofMinutes(61));
    var expired =
        api.post("/api/user/password-reset/confirm/")
            .json(Map.of("token", late, "password", "another fine 77 passphrase here"))
            .send();
    assertThat(expired.status()).isEqualTo(400);
  }
}
