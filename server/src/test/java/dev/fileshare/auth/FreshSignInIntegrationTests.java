package dev.fileshare.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.support.Api;
import dev.fileshare.support.ApiTest;
import dev.fileshare.support.OneTimeCodes;
import dev.fileshare.support.SignUp;
import dev.fileshare.support.TwoFactorUsers;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * A token that signed in more than {@code fileshare.auth.fresh-sign-in} (10 minutes) ago cannot
 * make an API key or turn two-factor sign-in on without the password, and a code when two-factor
 * sign-in is on: a stolen token must not make a key that outlives it, nor lock its owner out.
 */
class FreshSignInIntegrationTests extends ApiTest {

  private static final Duration LATER = Duration.ofMinutes(11);

  @Test
  void anOldSignInGivesThePasswordToMakeAKey() {
    var token = SignUp.verifiedUser(api, SignUp.newName("fresh"));
    clock.advance(LATER);

    var refused = makeKey(token, null, null);
    assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.json().get("error").asString()).isEqualTo("confirmation_required");
    assertThat(refused.json().get("confirm").toString()).isEqualTo("[\"password\"]");
    assertThat(refused.json().get("detail").asString()).contains("password");

    var wrong = makeKey(token, "not my password", null);
    assertThat(wrong.status()).as(wrong.toString()).isEqualTo(400);
    assertThat(wrong.text()).contains("Password is incorrect");
    assertThat(keys(token)).as("nothing made by a refused request").isZero();

    var made = makeKey(token, SignUp.PASSWORD, null);
    assertThat(made.status()).as(made.toString()).isEqualTo(201);
    assertThat(api.get("/api/files/").token(made.json().get("key").asString()).send().status())
        .isEqualTo(200);
    assertThat(keys(token)).isEqualTo(1);
  }

  @Test
  void aFreshSignInNeedsNothingMore() {
    var name = SignUp.newName("fresh");
    SignUp.verifiedUser(api, name);
    clock.advance(LATER);
    var again = SignUp.login(api, name, SignUp.PASSWORD);
    var made = makeKey(again, null, null);
    assertThat(made.status()).as(made.toString()).isEqualTo(201);
  }

  @Test
  void withTwoFactorOnAnOldSignInGivesThePasswordAndACode() {
    var user = TwoFactorUsers.enrolled(api, clock, "fresh");
    clock.advance(LATER);

    var passwordOnly = makeKey(user.token(), SignUp.PASSWORD, null);
    assertThat(passwordOnly.status()).as(passwordOnly.toString()).isEqualTo(403);
    assertThat(passwordOnly.json().get("confirm").toString()).isEqualTo("[\"password\",\"code\"]");
    var wrongCode = makeKey(user.token(), SignUp.PASSWORD, "000000");
    assertThat(wrongCode.status()).as(wrongCode.toString()).isEqualTo(400);
    assertThat(wrongCode.text()).contains("Invalid two-factor code");
    var wrongPassword =
        makeKey(user.token(), "not my password", OneTimeCodes.now(user.secret(), clock));
    assertThat(wrongPassword.status()).isEqualTo(400);
    assertThat(keys(user.token())).isZero();

    var withCode = makeKey(user.token(), SignUp.PASSWORD, OneTimeCodes.now(user.secret(), clock));
    assertThat(withCode.status()).as(withCode.toString()).isEqualTo(201);
    var recovery = user.recoveryCodes().get(0);
    var withRecoveryCode = makeKey(user.token(), SignUp.PASSWORD, recovery);
    assertThat(withRecoveryCode.status()).as(withRecoveryCode.toString()).isEqualTo(201);
    var usedAgain = makeKey(user.token(), SignUp.PASSWORD, recovery);
    assertThat(usedAgain.status()).as("a recovery code works once").isEqualTo(400);
    assertThat(keys(user.token())).isEqualTo(2);
  }

  @Test
  void anOldSignInGivesThePasswordToTurnTwoFactorOn() {
    var name = SignUp.newName("fresh");
    var token = SignUp.verifiedUser(api, name);
    clock.advance(LATER);
    var secret = TwoFactorUsers.setUp(api, token);

    var refused = confirm(token, OneTimeCodes.now(secret, clock), null);
    assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
    assertThat(refused.json().get("error").asString()).isEqualTo("confirmation_required");
    assertThat(profileTwoFactor(token)).isFalse();
    assertThat(confirm(token, OneTimeCodes.now(secret, clock), "wrong").status()).isEqualTo(400);
    assertThat(profileTwoFactor(token)).isFalse();

    var on = confirm(token, OneTimeCodes.now(secret, clock), SignUp.PASSWORD);
    assertThat(on.status()).as(on.toString()).isEqualTo(200);
    assertThat(on.json().get("recovery_codes")).hasSize(10);
    assertThat(profileTwoFactor(token)).isTrue();
    var signIn =
        api.post("/api/user/login/")
            .json(Map.of("username", name, "password", SignUp.PASSWORD))
            .send();
    assertThat(signIn.json().has("challenge")).as("the code is asked from now on").isTrue();
  }

  @Test
  void wrongPasswordsAreLimitedPerAccount() {
    var token = SignUp.verifiedUser(api, SignUp.newName("fresh"));
    clock.advance(LATER);
    var statuses = new java.util.ArrayList<Integer>();
    for (int i = 0; i < 12; i++) {
      statuses.add(makeKey(token, "guess " + i, null).status());
    }
    assertThat(statuses).contains(429).startsWith(400);
    assertThat(makeKey(token, SignUp.PASSWORD, null).status())
        .as("the right password waits too")
        .isEqualTo(429);
  }

  private Api.Answer makeKey(String token, @Nullable String password, @Nullable String code) {
    var body = new HashMap<String, Object>();
    body.put("name", "script");
    body.put("scopes", List.of("files:read"));
    if (password != null) {
      body.put("password", password);
    }
    if (code != null) {
      body.put("code", code);
    }
    return api.post("/api/keys/").token(token).json(body).send();
  }

  private Api.Answer confirm(String token, String code, @Nullable String password) {
    var body = new HashMap<String, Object>();
    body.put("code", code);
    if (password != null) {
      body.put("password", password);
    }
    return api.post("/api/user/2fa/confirm/").token(token).json(body).send();
  }

  private int keys(String token) {
    return api.get("/api/keys/").token(token).send().json().size();
  }

  private boolean profileTwoFactor(String token) {
    return api.get("/api/user/me/").token(token).send().json().get("two_factor").asBoolean();
  }
}
