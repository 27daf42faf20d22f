package dev.fileshare.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.support.Api;
import dev.fileshare.support.ApiTest;
import dev.fileshare.support.SignUp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SignInIntegrationTests extends ApiTest {

  Api.Answer login(String username, String password) {
    return api.post("/api/user/login/")
        .json(Map.of("username", username, "password", password))
        .send();
  }

  @Test
  void signsInWithATokenOfTheOriginalShapeAndNoCookie() {
    var name = SignUp.newName("frank");
    SignUp.register(api, name);
    SignUp.verify(api, name);
    var answer = login(name, SignUp.PASSWORD);
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().get("token").asString()).matches("[0-9a-f]{40}");
    assertThat(answer.json().properties()).hasSize(1);
    assertThat(answer.header("Set-Cookie")).isNull();
    var form =
        api.post("/api/user/login")
            .form(Map.of("username", name.toUpperCase(), "password", SignUp.PASSWORD))
            .send();
    assertThat(form.status()).isEqualTo(200);
    assertThat(form.json().get("token").asString())
        .isNotEqualTo(answer.json().get("token").asString());
  }

  @Test
  void unknownUserAndWrongPasswordGetTheSameAnswerInSimilarTime() {
    var name = SignUp.newName("grace");
    SignUp.verifiedUser(api, name);
    var wrong = login(name, "not the right password at all");
    var unknown = login(SignUp.newName("nobody"), "not the right password at all");
    assertThat(wrong.status()).isEqualTo(400).isEqualTo(unknown.status());
    assertThat(wrong.text()).isEqualTo(unknown.text());
    assertThat(wrong.json().get("error").asString()).isEqualTo("Invalid credentials");

    var knownTimes = new ArrayList<Long>();
    var unknownTimes = new ArrayList<Long>();
    for (int i = 0; i < 7; i++) {
      var start = System.nanoTime();
      login(name, "wrong password number " + i);
      knownTimes.add(System.nanoTime() - start);
      start = System.nanoTime();
      login("nobody-" + i, "wrong password number " + i);
      unknownTimes.add(System.nanoTime() - start);
    }
    knownTimes.sort(null);
    unknownTimes.sort(null);
    double ratio = (double) knownTimes.get(3) / unknownTimes.get(3);
    assertThat(ratio).as("median time known/unknown").isBetween(0.25, 4.0);
  }

  @Test
  void unverifiedAccountsAreToldHowToVerify() {
    var name = SignUp.newName("heidi");
    SignUp.register(api, name);
    var answer = login(name, SignUp.PASSWORD);
    assertThat(answer.status()).isEqualTo(403);
    assertThat(answer.json().get("error").asString())
        .contains("not verified")
        .contains("/api/user/resend-verification/");
    var wrongPassword = login(name, "wrong password for heidi");
    assertThat(wrongPassword.status()).isEqualTo(400);
  }

  @Test
  void tokensWorkWithBothSchemesAndBadOnesAreRefusedLikeDrf() {
    var name = SignUp.newName("ivan");
    var token = SignUp.verifiedUser(api, name);
    assertThat(api.get("/api/user/me/").token(token).send().status()).isEqualTo(200);
    var bearer = api.get("/api/user/me").header("Authorization", "Bearer " + token).send();
    assertThat(bearer.status()).isEqualTo(200);
    assertThat(bearer.json().get("username").asString()).isEqualTo(name);
    assertThat(bearer.json().get("email").asString()).isEqualTo(SignUp.email(name));
    assertThat(bearer.json().get("verified").asBoolean()).isTrue();
    assertThat(bearer.json().get("joined").asString()).isNotBlank();

    var none = api.get("/api/user/me/").send();
    assertThat(none.status()).isEqualTo(401);
    assertThat(none.header("WWW-Authenticate")).isEqualTo("Token");
    assertThat(none.json().get("detail").asString())
        .isEqualTo("Authentication credentials were not provided.");
    assertThat(none.contentType()).startsWith("application/problem+json");

    for (var bad : new String[] {"0".repeat(40), "nonsense", token.toUpperCase() + "x"}) {
      var answer = api.get("/api/user/me/").token(bad).send();
      assertThat(answer.status()).isEqualTo(401);
      assertThat(answer.header("WWW-Authenticate")).isEqualTo("Token");
      assertThat(answer.json().get("detail").asString()).isEqualTo("Invalid token.");
    }
    var noKey = api.get("/api/user/me/").header("Authorization", "Token").send();
    assertThat(noKey.status()).isEqualTo(401);
  }

  @Test
  void logoutEndsThatTokenOnly() {
    var name = SignUp.newName("judy");
    var first = SignUp.verifiedUser(api, name);
    var second = SignUp.login(api, name, SignUp.PASSWORD);
    var answer = api.post("/api/user/logout/").token(first).send();
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().toString()).isEqualTo("{\"message\":\"Logout successful\"}");
    var after = api.get("/api/user/me/").token(first).send();
    assertThat(after.status()).isEqualTo(401);
    assertThat(after.json().get("detail").asString()).isEqualTo("Invalid token.");
    assertThat(api.get("/api/user/me/").token(second).send().status()).isEqualTo(200);
    assertThat(api.post("/api/user/logout/").send().status()).isEqualTo(401);
  }

  @Test
  void logoutAllEndsEverySignIn() {
    var name = SignUp.newName("ken");
    var first = SignUp.verifiedUser(api, name);
    var second = SignUp.login(api, name, SignUp.PASSWORD);
    assertThat(api.post("/api/user/logout-all/").token(second).send().status()).isEqualTo(200);
    assertThat(api.get("/api/user/me/").token(first).send().status()).isEqualTo(401);
    assertThat(api.get("/api/user/me/").token(second).send().status()).isEqualTo(401);
  }

  @Test
  void tokensExpireWhenIdleAndAtTheirMaximumAge() {
    var name = SignUp.newName("leo");
    var idle = SignUp.verifiedUser(api, name);
    var busy = SignUp.login(api, name, SignUp.PASSWORD);
    clock.advance(Duration.ofDays(20));
    assertThat(api.get("/api/user/me/").token(busy).send().status()).isEqualTo(200);
    clock.advance(Duration.ofDays(11));
    assertThat(api.get("/api/user/me/").token(idle).send().status()).isEqualTo(401);
    for (int i = 0; i < 3; i++) {
      assertThat(api.get("/api/user/me/").token(busy).send().status()).isEqualTo(200);
      clock.advance(Duration.ofDays(20));
    }
    // 91 days after sign-in: past the absolute age, however often it was used.
    assertThat(api.get("/api/user/me/").token(busy).send().status()).isEqualTo(401);
  }
}
