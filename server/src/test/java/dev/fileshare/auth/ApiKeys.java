package dev.fileshare.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.support.Api;
import java.util.LinkedHashMap;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Makes API keys through the API, as a signed-in user does. */
final class ApiKeys {

  private ApiKeys() {}

  /** A new key of the signed-in user with these scopes; answers what {@code POST} answered. */
  static JsonNode create(Api api, String token, String name, String... scopes) {
    return expiring(api, token, name, null, scopes);
  }

  /** A new key that stops working at {@code expires} (ISO 8601), or never when it is null. */
  static JsonNode expiring(
      Api api, String token, String name, @Nullable String expires, String... scopes) {
    var body = new LinkedHashMap<String, Object>();
    body.put("name", name);
    body.put("scopes", List.of(scopes));
    body.put("expires", expires);
    var answer = api.post("/api/keys/").token(token).json(body).send();
    assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
    return answer.json();
  }

  static String key(Api api, String token, String... scopes) {
    return create(api, token, "script", scopes).get("key").asString();
  }
}
