package dev.fileshare.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.files.TestPdfs;
import dev.fileshare.support.Api;
import dev.fileshare.support.ApiTest;
import dev.fileshare.support.SignUp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each scope opens its endpoints and no others: a key without the scope gets a 403 problem that
 * names it. Bad requests to make a key are 400 problems, and a user has at most 50 keys.
 */
class ApiKeyScopeIntegrationTests extends ApiTest {

  @Test
  void eachScopeOpensItsEndpointsAndARefusalNamesTheMissingScope() {
    var token = SignUp.verifiedUser(api, SignUp.newName("scopes"));
    var reader = ApiKeys.key(api, token, "files:read");
    var writer = ApiKeys.key(api, token, "files:write");
    var sharer = ApiKeys.key(api, token, "shares");
    var account = ApiKeys.key(api, token, "account");

    var uploaded = upload(writer);
    assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
    var id = uploaded.json().get("id").asLong();
    refused(upload(reader), "files:write");

    assertThat(api.get("/api/files/").token(reader).send().status()).isEqualTo(200);
    var download = api.get("/api/download/" + id + "/").token(reader).send();
    assertThat(download.status()).isEqualTo(200);
    assertThat(api.call("HEAD", "/api/download/" + id).token(reader).send().status())
        .isEqualTo(200);
    refused(api.get("/api/files/" + id + "/").token(writer).send(), "files:read");

    var link = api.post("/api/files/" + id + "/links/").token(sharer).json(Map.of()).send();
    assertThat(link.status()).as(link.toString()).isEqualTo(201);
    refused(api.get("/api/links/").token(reader).send(), "shares");
    refused(api.post("/api/requests/").token(writer).json(Map.of("title", "x")).send(), "shares");

    assertThat(api.get("/api/user/me/").token(account).send().status()).isEqualTo(200);
    refused(api.get("/api/user/me/").token(sharer).send(), "account");

    var deleted = api.call("DELETE", "/api/files/" + id + "/").token(writer).send();
    assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
  }

  @Test
  void aBadRequestForAKeyIsA400Problem() {
    var token = SignUp.verifiedUser(api, SignUp.newName("scopes"));
    var bodies =
        List.<Object>of(
            "[]",
            "{",
            Map.of("scopes", List.of("account")),
            Map.of("name", " ", "scopes", List.of("account")),
            Map.of("name", "x".repeat(101), "scopes", List.of("account")),
            Map.of("name", 5, "scopes", List.of("account")),
            Map.of("name", "x"),
            Map.of("name", "x", "scopes", List.of()),
            Map.of("name", "x", "scopes", "account"),
            Map.of("name", "x", "scopes", List.of("admin")),
            Map.of("name", "x", "scopes", List.of(1)),
            Map.of("name", "x", "scopes", List.of("account"), "expires", "tomorrow"),
            Map.of("name", "x", "scopes", List.of("account"), "expires", "2001-01-01T00:00:00Z"),
            Map.of("name", "x", "scopes", List.of("account"), "expires", 5),
            Map.of(
                "name", "x", "scopes", List.of("account"), "expires", "+999999999-12-31T23:59:59Z"),
            Map.of("name", "x", "scopes", List.of("account"), "expires", "10000-01-01T00:00:00Z"),
            Map.of("name", "x\u0000", "scopes", List.of("account")),
            Map.of("name", "x\ny", "scopes", List.of("account")));
    for (var body : bodies) {
      var answer = api.post("/api/keys/").token(token).json(body).send();
      assertThat(answer.status()).as(body + " -> " + answer).isEqualTo(400);
      assertThat(answer.contentType()).startsWith("application/problem+json");
    }
    assertThat(api.get("/api/keys/").token(token).send().json().size()).isZero();
  }

  @Test
  void aUserHasAtMostFiftyKeys() {
    var token = SignUp.verifiedUser(api, SignUp.newName("scopes"));
    for (var i = 0; i < 50; i++) {
      ApiKeys.create(api, token, "key " + i, "account");
    }
    var body = new LinkedHashMap<String, Object>();
    body.put("name", "one too many");
    body.put("scopes", List.of("account"));
    var answer = api.post("/api/keys/").token(token).json(body).send();
    assertThat(answer.status()).as(answer.toString()).isEqualTo(409);
    assertThat(answer.json().get("detail").asString()).contains("50");
    assertThat(api.get("/api/keys/").token(token).send().json().size()).isEqualTo(50);
  }

  private Api.Answer upload(String key) {
    return api.post("/api/files/?name=scoped.pdf")
        .token(key)
        .body("application/pdf", TestPdfs.pdf("scoped " + System.nanoTime()))
        .send();
  }

  private static void refused(Api.Answer answer, String scope) {
    assertThat(answer.status()).as(answer.toString()).isEqualTo(403);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(answer.json().get("required_scope").asString()).isEqualTo(scope);
    assertThat(answer.json().get("detail").asString()).contains(scope);
  }
}
