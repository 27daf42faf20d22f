package dev.fileshare.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.support.Api;
import dev.fileshare.support.Mailbox;
import dev.fileshare.support.SignUp;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The calls of the registration policy tests: register, confirm, invite, as the API offers them.
 */
final class RegistrationCalls {

  static final String INVITATION_LINK = "/#/signup?invitation=";

  private RegistrationCalls() {}

  static Api.Answer register(Api api, String username, String email, @Nullable String invitation) {
    var body = new LinkedHashMap<String, String>();
    body.put("username", username);
    body.put("password", SignUp.PASSWORD);
    body.put("email", email);
    if (invitation != null) {
      body.put("invitation", invitation);
    }
    return api.post("/api/user/register/").json(body).send();
  }

  /** Confirms the address with the link of its {@code mail}-th mail. */
  static void confirm(Api api, String email, int mail) {
    var token = Mailbox.token(Mailbox.await(email, mail), "/verify-email/");
    var answer = api.post("/api/verify-email/" + token + "/").send();
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
  }

  static Api.Answer login(Api api, String username) {
    return api.post("/api/user/login/")
        .json(Map.of("username", username, "password", SignUp.PASSWORD))
        .send();
  }

  /** An administrator made as {@code admin create} makes one, signed in: its token. */
  static String admin(Api api, AccountAdministration administration, String username) {
    administration.createAdmin(username, SignUp.email(username), SignUp.PASSWORD);
    return SignUp.login(api, username, SignUp.PASSWORD);
  }

  /** Invites the address through {@code path}; answers the invitation's JSON. */
  static Api.Answer invite(Api api, String token, String path, Map<String, ?> body) {
    return api.post(path).token(token).json(body).send();
  }

  /** The token of the {@code mail}-th mail to the address, an invitation. */
  static String invitationToken(String email, int mail) {
    return Mailbox.token(Mailbox.await(email, mail), INVITATION_LINK);
  }

  static void assertRefused(Api.Answer answer, int status, String text) {
    assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(answer.json().get("detail").asString()).contains(text);
    assertThat(answer.json().get("error").asString()).contains(text);
  }
}
