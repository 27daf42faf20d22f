package dev.fileshare.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.support.Api;
import dev.fileshare.support.ApiTest;
import dev.fileshare.support.SignUp;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

@TestPropertySource(
    properties = {
      "fileshare.rate-limit.login-failures-per-account=3/10m",
      "fileshare.rate-limit.login-per-ip=1000/1m",
      "fileshare.rate-limit.register-per-ip=1000/1m",
      "fileshare.rate-limit.resend-per-ip=2/1h",
      "fileshare.rate-limit.reset-per-ip=2/1h"
    })
class RateLimitIntegrationTests extends ApiTest {

  Api.Answer login(String username, String password) {
    return api.post("/api/user/login/")
        .json(Map.of("username", username, "password", password))
        .send();
  }

  @Test
  void guessingOnePasswordIsStoppedAndTheOwnerGetsBackInAfterTheWindow() {
    var name = SignUp.newName("mallory-target");
    SignUp.verifiedUser(api, name);
    var other = SignUp.newName("bystander");
    SignUp.register(api, other);
    SignUp.verify(api, other);
    for (int i = 0; i < 3; i++) {
      assertThat(login(name, "guess number " + i + " xyz").status()).isEqualTo(400);
    }
    var blocked = login(name, SignUp.PASSWORD);
    assertThat(blocked.status()).isEqualTo(429);
    assertThat(blocked.contentType()).startsWith("application/problem+json");
    var retryAfter = Long.parseLong(blocked.header("Retry-After"));
    assertThat(retryAfter).isBetween(1L, 600L);
    assertThat(blocked.json().get("error").asString()).contains("Try again in " + retryAfter);
    // Another account, signing in from the same address, is not affected.
    assertThat(login(other, SignUp.PASSWORD).status()).isEqualTo(200);
    assertThat(login(other, "a wrong password for once").status()).isEqualTo(400);
    assertThat(login(name, SignUp.PASSWORD).status()).as("still locked").isEqualTo(429);

    clock.advance(Duration.ofMinutes(10).plusSeconds(1));
    assertThat(login(name, SignUp.PASSWORD).status()).isEqualTo(200);
  }

  @Test
  void mailSendingEndpointsAreLimitedPerClientAddress() {
    for (var path : new String[] {"/api/user/resend-verification/", "/api/user/password-reset/"}) {
      for (int i = 0; i < 2; i++) {
        var answer =
            api.post(path).json(Map.of("email", SignUp.newName("x") + "@example.org")).send();
        assertThat(answer.status()).isEqualTo(202);
      }
      var blocked = api.post(path).json(Map.of("email", "someone@example.org")).send();
      assertThat(blocked.status()).as(path).isEqualTo(429);
      assertThat(blocked.header("Retry-After")).isNotNull();
    }
    clock.advance(Duration.ofHours(1).plusSeconds(1));
    var again =
        api.post("/api/user/password-reset/").json(Map.of("email", "someone@example.org")).send();
    assertThat(again.status()).isEqualTo(202);
  }
}
