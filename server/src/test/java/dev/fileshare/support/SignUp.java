package dev.fileshare.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Registers users through the API the way a person does: sign up, open the mail, confirm, sign in.
 */
public final class SignUp {

  public static final String PASSWORD = "correct horse battery staple 42";
  private static final AtomicLong counter = new AtomicLong(System.nanoTime() % 1_000_000);

  private SignUp() {}

  /** A new, unique username; its address is {@code <username>@example.org}. */
  public static String newName(String prefix) {
    return prefix + counter.incrementAndGet();
  }

  public static String email(String username) {
    return username + "@example.org";
  }

  /** Registers without confirming the address. */
  public static void register(Api api, String username) {
    var answer =
        api.post("/api/user/register/")
            .json(Map.of("username", username, "password", PASSWORD, "email", email(username)))
            .send();
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
  }

  /** Confirms the address with the link from the first verification mail. */
  public static void verify(Api api, String username) {
    var mail = Mailbox.await(email(username), 1);
    var token = Mailbox.token(mail, "/verify-email/");
    var answer = api.post("/api/verify-email/" + token + "/").send();
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
  }

  public static String login(Api api, String username, String password) {
    var answer =
        api.post("/api/user/login/")
            .json(Map.of("username", username, "password", password))
            .send();
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    return answer.json().get("token").asString();
  }

  /** A verified user, signed in: returns the token. */
  public static String verifiedUser(Api api, String username) {
    register(api, username);
    verify(api, username);
    return login(api, username, PASSWORD);
  }
}
