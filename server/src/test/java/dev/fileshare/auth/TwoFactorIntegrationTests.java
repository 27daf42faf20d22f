package dev.fileshare.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.support.Api;
import dev.fileshare.support.ApiTest;
import dev.fileshare.support.OneTimeCodes;
import dev.fileshare.support.SignUp;
import dev.fileshare.support.TwoFactorUsers;
import dev.fileshare.support.TwoFactorUsers.Enrolled;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class TwoFactorIntegrationTests extends ApiTest {

  @Autowired JdbcClient jdbc;

  private static final Duration STEP = TwoFactorUsers.STEP;

  private Enrolled enrolled(String prefix) {
    return TwoFactorUsers.enrolled(api, clock, prefix);
  }

  private Api.Answer login(String name) {
    return api.post("/api/user/login/")
        .json(Map.of("username", name, "password", SignUp.PASSWORD))
        .send();
  }

  private String challenge(String name) {
    var answer = login(name);
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    return answer.json().get("challenge").asString();
  }

  private Api.Answer code(String challenge, String code) {
    return api.post("/api/user/login/2fa/")
        .json(Map.of("challenge", challenge, "code", code))
        .send();
  }

  private boolean twoFactorInProfile(String token) {
    var me = api.get("/api/user/me/").token(token).send();
    assertThat(me.status()).as(me.toString()).isEqualTo(200);
    return me.json().get("two_factor").asBoolean();
  }

  @Test
  void setsUpConfirmsAndSignsInInTwoSteps() {
    var name = SignUp.newName("otto");
    var token = SignUp.verifiedUser(api, name);
    assertThat(twoFactorInProfile(token)).isFalse();
    var setup = api.post("/api/user/2fa/setup/").token(token).send();
    var secret = setup.json().get("secret").asString();
    assertThat(secret).matches("[A-Z2-7]{32}");
    assertThat(setup.json().get("otpauth_uri").asString())
        .startsWith("otpauth://totp/FileShare%3A" + name + "?secret=" + secret)
        .contains("issuer=FileShare", "digits=6", "period=30");
    assertThat(setup.json().get("qr").asString()).startsWith("data:image/svg+xml;base64,");
    assertThat(twoFactorInProfile(token)).as("pending until confirmed").isFalse();
    assertThat(login(name).json().has("token")).isTrue();

    var wrong = api.post("/api/user/2fa/confirm/").token(token).json(Map.of("code", "000000"));
    assertThat(wrong.send().status()).isEqualTo(400);
    var confirm =
        api.post("/api/user/2fa/confirm/")
            .token(token)
            .json(Map.of("code", OneTimeCodes.now(secret, clock)))
            .send();
    assertThat(confirm.status()).as(confirm.toString()).isEqualTo(200);
    assertThat(confirm.json().get("recovery_codes")).hasSize(10);
    assertThat(twoFactorInProfile(token)).isTrue();
    clock.advance(STEP);

    var first = login(name);
    assertThat(first.status()).isEqualTo(200);
    assertThat(first.json().properties()).hasSize(2);
    assertThat(first.json().get("two_factor_required").asBoolean()).isTrue();
    assertThat(first.json().has("token")).isFalse();
    var second = code(first.json().get("challenge").asString(), OneTimeCodes.now(secret, clock));
    assertThat(second.status()).as(second.toString()).isEqualTo(200);
    var signedIn = second.json().get("token").asString();
    assertThat(signedIn).matches("[0-9a-f]{40}");
    assertThat(twoFactorInProfile(signedIn)).isTrue();
  }

  @Test
  void aWrongCodeIsRefusedAndTheChallengeWorksOnce() {
    var user = enrolled("wrong");
    var challenge = challenge(user.name());
    var wrong = code(challenge, "123456".equals(now(user)) ? "654321" : "123456");
    assertThat(wrong.status()).isEqualTo(400);
    assertThat(wrong.json().get("error").asString()).isEqualTo("Invalid two-factor code");
    assertThat(code(challenge, now(user)).status()).isEqualTo(200);
    clock.advance(STEP);
    assertThat(code(challenge, now(user)).status()).as("used").isEqualTo(400);
    assertThat(code("not a challenge", now(user)).status()).isEqualTo(400);
  }

  @Test
  void aCodeIsRefusedTheSecondTime() {
    var user = enrolled("replay");
    var code = now(user);
    assertThat(code(challenge(user.name()), code).status()).isEqualTo(200);
    var replay = code(challenge(user.name()), code);
    assertThat(replay.status()).as(replay.toString()).isEqualTo(400);
    clock.advance(STEP);
    assertThat(code(challenge(user.name()), now(user)).status()).isEqualTo(200);
  }

  @Test
  void aRecoveryCodeWorksOnce() {
    var user = enrolled("recover");
    var recovery = user.recoveryCodes().get(3);
    assertThat(recovery).matches("[0-9a-f]{5}(-[0-9a-f]{5}){3}");
    assertThat(code(challenge(user.name()), recovery.toUpperCase()).status()).isEqualTo(200);
    assertThat(code(challenge(user.name()), recovery).status()).isEqualTo(400);
    assertThat(code(challenge(user.name()), user.recoveryCodes().get(4)).status()).isEqualTo(200);
  }

  @Test
  void triesAreLimitedPerChallengeAndPerAccount() {
    var user = enrolled("limited");
    var challenge = challenge(user.name());
    var wrong = "123456".equals(now(user)) ? "654321" : "123456";
    for (int i = 0; i < 5; i++) {
      assertThat(code(challenge, wrong).status()).isEqualTo(400);
    }
    var limited = code(challenge, now(user));
    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.header("Retry-After")).isNotNull();
    for (int i = 0; i < 5; i++) {
      code(challenge(user.name()), wrong);
    }
    var account = code(challenge(user.name()), now(user));
    assertThat(account.status()).as("ten failures for the account").isEqualTo(429);
  }

  @Test
  void aChallengeEndsAfterFiveMinutes() {
    var user = enrolled("slow");
    var challenge = challenge(user.name());
    clock.advance(Duration.ofMinutes(5).plusSeconds(1));
    var late = code(challenge, now(user));
    assertThat(late.status()).isEqualTo(400);
    assertThat(late.json().get("error").asString()).contains("expired");
  }

  @Test
  void turnsOffWithThePasswordAndACode() {
    var user = enrolled("off");
    var off = api.post("/api/user/2fa/disable/").token(user.token());
    assertThat(off.json(Map.of("password", "wrong", "code", now(user))).send().status())
        .isEqualTo(400);
    off = api.post("/api/user/2fa/disable/").token(user.token());
    assertThat(off.json(Map.of("password", SignUp.PASSWORD, "code", "000000")).send().status())
        .isEqualTo(400);
    clock.advance(STEP);
    off = api.post("/api/user/2fa/disable/").token(user.token());
    var answer = off.json(Map.of("password", SignUp.PASSWORD, "code", now(user))).send();
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    assertThat(twoFactorInProfile(user.token())).isFalse();
    var login = login(user.name());
    assertThat(login.json().properties()).hasSize(1);
    assertThat(login.json().get("token").asString()).matches("[0-9a-f]{40}");
  }

  @Test
  void apiKeysCannotReachTwoFactor() {
    var user = enrolled("keyed");
    var key = ApiKeys.create(api, user.token(), "script", "account").get("key").asString();
    for (var path : List.of("setup", "confirm", "disable")) {
      var answer = api.post("/api/user/2fa/" + path + "/").token(key).json(Map.of()).send();
      assertThat(answer.status()).as(path).isEqualTo(403);
    }
    assertThat(api.get("/api/user/me/").token(key).send().status()).isEqualTo(200);
  }

  @Test
  void loginWithoutTwoFactorIsUnchanged() {
    var name = SignUp.newName("plain");
    SignUp.verifiedUser(api, name);
    var answer = login(name);
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.text()).matches("\\{\"token\":\"[0-9a-f]{40}\"}");
  }

  @Test
  void theAuditLogRecordsEachStepButNoCodeOrSecret() {
    var user = enrolled("audited");
    var wrong = "123456".equals(now(user)) ? "654321" : "123456";
    code(challenge(user.name()), wrong);
    var recovery = user.recoveryCodes().get(0);
    assertThat(code(challenge(user.name()), recovery).status()).isEqualTo(200);
    var off =
        api.post("/api/user/2fa/disable/")
            .token(user.token())
            .json(Map.of("password", SignUp.PASSWORD, "code", now(user)))
            .send();
    assertThat(off.status()).as(off.toString()).isEqualTo(200);
    var entries =
        jdbc.sql("SELECT action, detail FROM audit_log WHERE actor_name = ? ORDER BY id")
            .param(user.name())
            .query((rs, n) -> rs.getString(1) + " " + rs.getString(2))
            .list();
    assertThat(entries)
        .map(entry -> entry.split(" ")[0])
        .containsSubsequence(
            "two_factor_enabled",
            "two_factor_failed",
            "recovery_code_used",
            "signed_in",
            "two_factor_disabled");
    assertThat(String.join("\n", entries))
        .contains("\"left\":9")
        .doesNotContain(user.secret(), recovery, recovery.replace("-", ""), wrong);
  }

  @Test
  void theApiDocumentNamesEveryStep() {
    var schema = api.get("/api/schema").send();
    assertThat(schema.status()).as(schema.text()).isEqualTo(200);
    var paths = schema.json().get("paths");
    assertThat(paths).as(schema.text()).isNotNull();
    for (var path :
        List.of(
            "/api/user/2fa/setup/",
            "/api/user/2fa/confirm/",
            "/api/user/2fa/disable/",
            "/api/user/login/2fa/",
            "/api/user/login/2fa/setup/",
            "/api/user/login/2fa/confirm/")) {
      assertThat(paths.has(path) || paths.has(path.substring(0, path.length() - 1)))
          .as(path)
          .isTrue();
    }
  }

  private String now(Enrolled user) {
    return OneTimeCodes.now(user.secret(), clock);
  }
}
