package dev.fileshare.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.files.Multipart;
import dev.fileshare.files.TestPdfs;
import dev.fileshare.support.Api;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The calls the admin tests make: users with names of their choosing, uploads and links. */
final class AdminCalls {

  static final String PASSWORD = "correct horse battery staple 42";

  private AdminCalls() {}

  /** A user and the token they signed in with. */
  record User(long id, String username, String token) {}

  /** A verified, signed-in user named {@code username} ({@code <username>@example.test}). */
  static User user(Api api, JdbcClient jdbc, String username) {
    var answer =
        api.post("/api/user/register/")
            .json(
                Map.of(
                    "username", username,
                    "password", PASSWORD,
                    "email", username + "@example.test"))
            .send();
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    jdbc.sql("UPDATE users SET email_verified = ? WHERE username_key = ?")
        .params(true, username.toLowerCase(Locale.ROOT))
        .update();
    var token = login(api, username).json().get("token").asString();
    var id = api.get("/api/user/me/").token(token).send().json().get("id").asLong();
    return new User(id, username, token);
  }

  /**
   * An administrator, made one in the database: the admin command is what {@code
   * AdminCommandIntegrationTests} is about.
   */
  static User admin(Api api, JdbcClient jdbc, String username) {
    var user = user(api, jdbc, username);
    jdbc.sql("UPDATE users SET is_admin = ? WHERE id = ?").params(true, user.id()).update();
    return user;
  }

  static Api.Answer login(Api api, String username) {
    return api.post("/api/user/login/")
        .json(Map.of("username", username, "password", PASSWORD))
        .send();
  }

  /** Uploads a PDF and answers its JSON. */
  static JsonNode upload(Api api, String token, byte[] pdf) {
    var form = new Multipart().pdf("admin.pdf", pdf);
    var answer = api.post("/api/files/").token(token).body(form.contentType(), form.bytes()).send();
    assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
    return answer.json();
  }

  /** Makes a link to a new file of the user's and answers the link's token. */
  static String link(Api api, String token) {
    var file = upload(api, token, TestPdfs.pdf("linked " + System.nanoTime()));
    var answer =
        api.post("/api/files/" + file.get("id").asLong() + "/links/")
            .token(token)
            .json(Map.of("label", "admin"))
            .send();
    assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
    var url = answer.json().get("url").asString();
    var trimmed = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    return trimmed.substring(trimmed.lastIndexOf('/') + 1);
  }

  /** Makes a file request of the user's and answers its token. */
  static String request(Api api, String token) {
    var answer = api.post("/api/requests/").token(token).json(Map.of("title", "admin")).send();
    assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
    var url = answer.json().get("url").asString();
    var trimmed = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    return trimmed.substring(trimmed.lastIndexOf('/') + 1);
  }

  static Api.Answer get(Api api, String token, String path) {
    return api.get(path).token(token).send();
  }

  static Api.Answer post(Api api, String token, String path) {
    return api.post(path).token(token).send();
  }
}
