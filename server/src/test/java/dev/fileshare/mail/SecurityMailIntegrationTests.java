package dev.fileshare.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.support.ApiTest;
import dev.fileshare.support.Mailbox;
import dev.fileshare.support.OneTimeCodes;
import dev.fileshare.support.SignUp;
import dev.fileshare.support.TestEnvironment;
import dev.fileshare.support.TwoFactorUsers;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The owner of an account is told by mail when its password changes, when two-factor sign-in is
 * turned on or off, and when an API key is made: what a thief with their sign-in would do first.
 */
class SecurityMailIntegrationTests extends ApiTest {

  private static final String NEW_PASSWORD = "another long passphrase 2026";

  @Test
  void aChangedPasswordIsTold() {
    var name = SignUp.newName("notice");
    var token = SignUp.verifiedUser(api, name);
    var changed =
        api.post("/api/user/password/")
            .token(token)
            .json(Map.of("old_password", SignUp.PASSWORD, "new_password", NEW_PASSWORD))
            .send();
    assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
    var text = Mailbox.text(Mailbox.await(SignUp.email(name), SecurityMailer.PASSWORD_SUBJECT, 1));
    assertThat(text)
        .contains("Hello " + name + ",")
        .contains("The password of your fileshare account was changed on")
        .contains("by someone signed in to it with the old password")
        .contains(TestEnvironment.PUBLIC_URL + "/#/forgot")
        .doesNotContain(NEW_PASSWORD);

    api.post("/api/user/password-reset/").json(Map.of("email", SignUp.email(name))).send();
    var reset =
        Mailbox.token(
            Mailbox.await(SignUp.email(name), "Reset your fileshare password", 1),
            "/reset-password/");
    var done =
        api.post("/api/user/password-reset/confirm/")
            .json(Map.of("token", reset, "password", NEW_PASSWORD + " again"))
            .send();
    assertThat(done.status()).as(done.toString()).isEqualTo(200);
    assertThat(Mailbox.text(Mailbox.await(SignUp.email(name), SecurityMailer.PASSWORD_SUBJECT, 2)))
        .contains("through a reset link mailed to this address");
  }

  @Test
  void twoFactorSignInTurnedOnAndOffIsTold() {
    var user = TwoFactorUsers.enrolled(api, clock, "notice");
    var email = SignUp.email(user.name());
    assertThat(Mailbox.text(Mailbox.await(email, SecurityMailer.TWO_FACTOR_ON_SUBJECT, 1)))
        .contains("Two-factor sign-in was turned on for your fileshare account");
    var off =
        api.post("/api/user/2fa/disable/")
            .token(user.token())
            .json(
                Map.of("password", SignUp.PASSWORD, "code", OneTimeCodes.now(user.secret(), clock)))
            .send();
    assertThat(off.status()).as(off.toString()).isEqualTo(200);
    assertThat(Mailbox.text(Mailbox.await(email, SecurityMailer.TWO_FACTOR_OFF_SUBJECT, 1)))
        .contains("Two-factor sign-in was turned off for your fileshare account")
        .contains("with the password and a code");
  }

  @Test
  void aNewApiKeyIsToldWithoutTheKey() {
    var name = SignUp.newName("notice");
    var token = SignUp.verifiedUser(api, name);
    var made =
        api.post("/api/keys/")
            .token(token)
            .json(
                Map.of(
                    "name",
                    "nightly backup",
                    "scopes",
                    List.of("files:write", "files:read"),
                    "expires",
                    "2030-01-31T12:00:00Z"))
            .send();
    assertThat(made.status()).as(made.toString()).isEqualTo(201);
    var key = made.json().get("key").asString();
    var text = Mailbox.text(Mailbox.await(SignUp.email(name), SecurityMailer.API_KEY_SUBJECT, 1));
    assertThat(text)
        .contains("nightly backup")
        .contains("files:read, files:write")
        .contains("until 31 January 2030 at 12:00 UTC")
        .contains(TestEnvironment.PUBLIC_URL + "/#/account")
        .doesNotContain(key)
        .doesNotContain(key.substring(4));

    var refused =
        api.post("/api/keys/").token(token).json(Map.of("name", "", "scopes", List.of())).send();
    assertThat(refused.status()).isEqualTo(400);
    assertThat(Mailbox.about(SignUp.email(name), SecurityMailer.API_KEY_SUBJECT))
        .as("no notice of a key that was not made")
        .hasSize(1);
  }
}
