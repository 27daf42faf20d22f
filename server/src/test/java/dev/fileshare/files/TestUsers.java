package dev.fileshare.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.support.Api;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Signed-in users for the file tests. A verified user is registered through the API and then marked
 * verified in the database, since the mail with the verification link is not what these tests are
 * about.
 */
public final class TestUsers {

  public static final String PASSWORD = "correct horse battery staple 42";

  private TestUsers() {}

  /** A user and the token they signed in with. */
  public record User(String username, String token) {}

  public static User verified(Api api, JdbcClient jdbc) {
    var username = register(api);
    setVerified(jdbc, username, true);
    return new User(username, login(api, username));
  }

  /**
   * A signed-in user whose address is not verified. Sign-in needs a verified address, so this one
   * signs in first and loses the verification after, as an account whose address is changed would.
   */
  public static User unverified(Api api, JdbcClient jdbc) {
    var user = verified(api, jdbc);
    setVerified(jdbc, user.username(), false);
    return user;
  }

  /** Confirms the user's address, as following the link in the mail does. */
  public static void confirm(JdbcClient jdbc, User user) {
    setVerified(jdbc, user.username(), true);
  }

  private static void setVerified(JdbcClient jdbc, String username, boolean verified) {
    jdbc.sql("UPDATE users SET email_verified = ? WHERE username_key = ?")
        .params(verified, username.toLowerCase(Locale.ROOT))
        .update();
  }

  private static String register(Api api) {
    var username = "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    var answer =
        api.post("/api/user/register/")
            .json(
                Map.of(
                    "username", username,
                    "password", PASSWORD,
                    "email", username + "@example.test"))
            .send();
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    return username;
  }

  private static String login(Api api, String username) {
    var answer =
        api.post("/api/user/login/")
            .json(Map.of("username", username, "password", PASSWORD))
            .send();
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    return answer.json().get("token").asString();
  }
}
