package dev.fileshare.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.support.ApiTest;
import dev.fileshare.support.Mailbox;
import dev.fileshare.support.SignUp;
import dev.fileshare.support.TestEnvironment;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VerificationIntegrationTests extends ApiTest {

  @Test
  void theMailHoldsOneLinkBuiltFromConfigurationEvenWithAForgedHost() {
    var name = SignUp.newName("nina");
    var answer =
        api.post("/api/user/register/")
            .header("Host", "evil.example.com")
            .header("X-Forwarded-Host", "evil.example.com")
            .json(
                Map.of("username", name, "password", SignUp.PASSWORD, "email", SignUp.email(name)))
            .send();
    assertThat(answer.status()).isEqualTo(200);
    var mail = Mailbox.await(SignUp.email(name), 1);
    var text = Mailbox.text(mail);
    var token = Mailbox.token(mail, "/verify-email/");
    assertThat(token).hasSize(64);
    assertThat(text).contains(TestEnvironment.PUBLIC_URL + "/verify-email/" + token);
    assertThat(text).doesNotContain("evil.example.com");
    assertThat(text.split(token, -1)).hasSize(2);
  }

  @Test
  void openingTheLinkChangesNothingAndTheButtonConfirms() {
    var name = SignUp.newName("oscar");
    SignUp.register(api, name);
    var token = Mailbox.token(Mailbox.await(SignUp.email(name), 1), "/verify-email/");

    var page = api.get("/verify-email/" + token).send();
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.contentType()).startsWith("text/html");
    assertThat(page.text()).contains("<form method=\"post\"").contains("Confirm");
    assertThat(page.header("Content-Security-Policy")).contains("default-src 'none'");
    assertThat(
            api.post("/api/user/login/")
                .json(Map.of("username", name, "password", SignUp.PASSWORD))
                .send()
                .status())
        .as("a GET must not verify")
        .isEqualTo(403);

    var confirmed = api.post("/verify-email/" + token).form(Map.of()).send();
    assertThat(confirmed.status()).isEqualTo(200);
    assertThat(confirmed.text()).contains("Email address confirmed");
    assertThat(SignUp.login(api, name, SignUp.PASSWORD)).hasSize(40);
  }

  @Test
  void theApiVerifiesOnceAndRefusesUsedUnknownAndExpiredTokens() {
    var name = SignUp.newName("peggy");
    SignUp.register(api, name);
    var token = Mailbox.token(Mailbox.await(SignUp.email(name), 1), "/verify-email/");
    var first = api.post("/api/verify-email/" + token + "/").send();
    assertThat(first.status()).isEqualTo(200);
    assertThat(first.json().get("message").asString()).isEqualTo("Email verified");

    var again = api.post("/api/verify-email/" + token + "/").send();
    assertThat(again.status()).isEqualTo(400);
    assertThat(again.json().get("error").asString())
        .contains("invalid, was already used or has expired");
    assertThat(api.post("/api/verify-email/" + "ab".repeat(32) + "/").send().status())
        .isEqualTo(400);
    assertThat(api.post("/api/verify-email/not-a-token/").send().status()).isEqualTo(400);

    var late = SignUp.newName("quentin");
    SignUp.register(api, late);
    var lateToken = Mailbox.token(Mailbox.await(SignUp.email(late), 1), "/verify-email/");
    clock.advance(Duration.ofHours(24).plusMinutes(1));
    assertThat(api.post("/api/verify-email/" + lateToken + "/").send().status()).isEqualTo(400);
  }

  @Test
  void resendAnswersTheSameForEveryAddressAndReplacesTheOldLink() {
    var name = SignUp.newName("rupert");
    SignUp.register(api, name);
    var oldToken = Mailbox.token(Mailbox.await(SignUp.email(name), 1), "/verify-email/");

    var known =
        api.post("/api/user/resend-verification/").json(Map.of("email", SignUp.email(name))).send();
    var unknown =
        api.post("/api/user/resend-verification/")
            .json(Map.of("email", SignUp.newName("ghost") + "@example.org"))
            .send();
    assertThat(known.status()).isEqualTo(202).isEqualTo(unknown.status());
    assertThat(known.text()).isEqualTo(unknown.text());

    var newToken = Mailbox.token(Mailbox.await(SignUp.email(name), 2), "/verify-email/");
    assertThat(newToken).isNotEqualTo(oldToken);
    assertThat(api.post("/api/verify-email/" + oldToken + "/").send().status()).isEqualTo(400);
    assertThat(api.post("/api/verify-email/" + newToken + "/").send().status()).isEqualTo(200);

    var verified =
        api.post("/api/user/resend-verification/").json(Map.of("email", SignUp.email(name))).send();
    assertThat(verified.text()).isEqualTo(unknown.text());
    assertThat(api.post("/api/user/resend-verification/").json(Map.of()).send().status())
        .isEqualTo(400);
  }
}
