package dev.fileshare.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Users with two-factor sign-in on, set up through the API as a person does on the web page. */
public final class TwoFactorUsers {

  /** How long a code of the authenticator app lasts. */
  public static final Duration STEP = Duration.ofSeconds(30);

  private TwoFactorUsers() {}

  /** A signed-in user, the secret of their app and their recovery codes. */
  public record Enrolled(String name, String token, String secret, List<String> recoveryCodes) {}

  /**
   * A new user with two-factor sign-in on; the clock is moved on a step, so that the confirming
   * code's step, which is taken, is over.
   */
  public static Enrolled enrolled(Api api, MutableClock clock, String prefix) {
    var name = SignUp.newName(prefix);
    var token = SignUp.verifiedUser(api, name);
    var secret = setUp(api, token);
    var confirm =
        api.post("/api/user/2fa/confirm/")
            .token(token)
            .json(Map.of("code", OneTimeCodes.now(secret, clock)))
            .send();
    assertThat(confirm.status()).as(confirm.toString()).isEqualTo(200);
    var codes = new ArrayList<String>();
    confirm.json().get("recovery_codes").forEach(code -> codes.add(code.asString()));
    clock.advance(STEP);
    return new Enrolled(name, token, secret, codes);
  }

  /** Starts setting two-factor sign-in up; answers the new secret. */
  public static String setUp(Api api, String token) {
    var setup = api.post("/api/user/2fa/setup/").token(token).send();
    assertThat(setup.status()).as(setup.toString()).isEqualTo(200);
    return setup.json().get("secret").asString();
  }
}
