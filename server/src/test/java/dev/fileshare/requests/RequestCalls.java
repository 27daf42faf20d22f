package dev.fileshare.requests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.support.Api;
import dev.fileshare.support.Mailbox;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** The calls the request tests make, as an owner's client and a stranger's would. */
final class RequestCalls {

  private RequestCalls() {}

  static Api.Answer create(Api api, String token, Map<String, ?> body) {
    return api.post("/api/requests/").token(token).json(body).send();
  }

  /** Makes a request and answers its JSON; fails the test unless it was created. */
  static JsonNode request(Api api, String token, Map<String, ?> body) {
    var answer = create(api, token, body);
    assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
    return answer.json();
  }

  static Api.Answer patch(Api api, String token, long id, Map<String, ?> body) {
    return api.call("PATCH", "/api/requests/" + id + "/").token(token).json(body).send();
  }

  static JsonNode get(Api api, String token, long id) {
    var answer = api.get("/api/requests/" + id + "/").token(token).send();
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    return answer.json();
  }

  /** The token in a request's URL. */
  static String tokenOf(JsonNode request) {
    var url = request.get("url").asString();
    return url.substring(url.lastIndexOf('/') + 1);
  }

  /** Starts a visit, as the page does when a stranger opens the link; answers its secret. */
  static String visit(Api api, String requestToken) {
    var answer = api.post("/api/r/" + requestToken + "/visits/").json(Map.of()).send();
    assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
    return answer.json().get("visit").asString();
  }

  /** Asks for a code that proves the address, in a visit. */
  static Api.Answer ask(Api api, String requestToken, String visit, String address) {
    return api.post("/api/r/" + requestToken + "/code/")
        .header("Request-Visit", visit)
        .json(Map.of("address", address))
        .send();
  }

  /** Gives the code, in a visit. */
  static Api.Answer verify(
      Api api, String requestToken, String visit, String address, String code) {
    return api.post("/api/r/" + requestToken + "/verify/")
        .header("Request-Visit", visit)
        .json(Map.of("address", address, "code", code))
        .send();
  }

  /** The code in the {@code count}-th mail to the address, waiting for it. */
  static String mailedCode(String address, int count) {
    var text = Mailbox.text(Mailbox.await(address, count));
    var matcher = Pattern.compile("Your code: (\\d{6})").matcher(text);
    assertThat(matcher.find()).as(text).isTrue();
    return matcher.group(1);
  }

  /** Sends one file whole through the request, in a visit. */
  static Api.Answer send(
      Api api, String requestToken, String visit, String name, byte[] bytes, String from) {
    var path =
        "/api/r/"
            + requestToken
            + "/files/?name="
            + URLEncoder.encode(name, StandardCharsets.UTF_8);
    return api.post(path + from)
        .header("Request-Visit", visit)
        .body("application/pdf", bytes)
        .send();
  }

  static Api.Answer send(Api api, String requestToken, String visit, String name, byte[] bytes) {
    return send(api, requestToken, visit, name, bytes, "");
  }

  /** The query that gives the uploader's name and address. */
  static String from(String name, String email) {
    return "&uploader_name="
        + URLEncoder.encode(name, StandardCharsets.UTF_8)
        + "&uploader_email="
        + URLEncoder.encode(email, StandardCharsets.UTF_8);
  }

  /** The ids of the owner's files that came through the request. */
  static JsonNode filesOf(Api api, String token, long requestId) {
    var answer = api.get("/api/files/?request=" + requestId).token(token).send();
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    return answer.json();
  }

  static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
