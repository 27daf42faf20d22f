package dev.fileshare.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.support.Api;
import dev.fileshare.support.ApiTest;
import dev.fileshare.support.OneTimeCodes;
import dev.fileshare.support.SignUp;
import dev.fileshare.support.TwoFactorUsers;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Two-factor secrets with {@code fileshare.auth.encryption-key} set: stored sealed, never as the
 * app's secret; secrets stored before (plain, or under a previous key) written again by the sweep
 * and still taking their codes; one under a key this server does not have refuses codes, not the
 * recovery codes.
 */
@TestPropertySource(
    properties = {
      "fileshare.auth.encryption-key=" + SecretCipherTests.NEW,
      "fileshare.auth.previous-encryption-keys=" + SecretCipherTests.OLD
    })
class SealedSecretsIntegrationTests extends ApiTest {

  @Autowired JdbcClient jdbc;
  @Autowired SecretSweep sweep;

  @Test
  void aNewSecretIsStoredSealedAndItsCodesSignIn() {
    var user = TwoFactorUsers.enrolled(api, clock, "sealed");
    var stored = stored(user);
    assertThat(stored).startsWith("enc:v1:").doesNotContain(user.secret());
    assertThat(signIn(user, OneTimeCodes.now(user.secret(), clock)).status()).isEqualTo(200);
  }

  @Test
  void theSweepSealsPlainAndPreviousKeysSecretsUnderTheCurrentKey() {
    var plain = TwoFactorUsers.enrolled(api, clock, "plain");
    var previous = TwoFactorUsers.enrolled(api, clock, "previous");
    var foreign = TwoFactorUsers.enrolled(api, clock, "foreign");
    write(plain, plain.secret());
    write(
        previous,
        new SecretCipher(SecretCipherTests.OLD, List.of()).seal(id(previous), previous.secret()));
    var elsewhere = "another server's key with 32 characters or more";
    var foreignSeal = new SecretCipher(elsewhere, List.of()).seal(id(foreign), foreign.secret());
    write(foreign, foreignSeal);
    assertThat(signIn(previous, OneTimeCodes.now(previous.secret(), clock)).status())
        .as("a previous key still opens")
        .isEqualTo(200);

    sweep.sweep();

    var current = stored(TwoFactorUsers.enrolled(api, clock, "current"));
    var prefix = current.substring(0, current.lastIndexOf(':') + 1);
    assertThat(stored(plain)).startsWith(prefix).doesNotContain(plain.secret());
    assertThat(stored(previous)).startsWith(prefix);
    assertThat(stored(foreign)).as("left as it was").isEqualTo(foreignSeal);
    clock.advance(TwoFactorUsers.STEP);
    assertThat(signIn(plain, OneTimeCodes.now(plain.secret(), clock)).status()).isEqualTo(200);
    assertThat(signIn(previous, OneTimeCodes.now(previous.secret(), clock)).status())
        .isEqualTo(200);
    var refused = signIn(foreign, OneTimeCodes.now(foreign.secret(), clock));
    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    assertThat(signIn(foreign, foreign.recoveryCodes().get(0)).status()).isEqualTo(200);
  }

  private Api.Answer signIn(TwoFactorUsers.Enrolled user, String code) {
    var login =
        api.post("/api/user/login/")
            .json(Map.of("username", user.name(), "password", SignUp.PASSWORD))
            .send();
    assertThat(login.status()).as(login.toString()).isEqualTo(200);
    var challenge = login.json().get("challenge").asString();
    return api.post("/api/user/login/2fa/")
        .json(Map.of("challenge", challenge, "code", code))
        .send();
  }

  private long id(TwoFactorUsers.Enrolled user) {
    return api.get("/api/user/me/").token(user.token()).send().json().get("id").asLong();
  }

  private String stored(TwoFactorUsers.Enrolled user) {
    return jdbc.sql("SELECT secret FROM two_factor WHERE user_id = ?")
        .param(id(user))
        .query(String.class)
        .single();
  }

  private void write(TwoFactorUsers.Enrolled user, String secret) {
    jdbc.sql("UPDATE two_factor SET secret = ? WHERE user_id = ?")
        .params(secret, id(user))
        .update();
  }
}
