package dev.fileshare.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.support.ApiTest;
import dev.fileshare.support.Commands;
import dev.fileshare.support.SignUp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * API keys through the real server: made once and shown once, listed without their secret, used as
 * a token, revoked at once, expired, and never able to make more keys.
 */
class ApiKeyIntegrationTests extends ApiTest {

  @Autowired Environment environment;

  @Test
  void aKeyIsShownOnceListedWithoutItsSecretAndRevokedAtOnce() {
    var token = SignUp.verifiedUser(api, SignUp.newName("keys"));
    var created = ApiKeys.create(api, token, "backup script", "files:read", "account");
    var key = created.get("key").asString();
    assertThat(key).matches("fsk_[0-9a-f]{40}");
    assertThat(created.get("name").asString()).isEqualTo("backup script");
    assertThat(created.get("scopes").toString()).isEqualTo("[\"files:read\",\"account\"]");
    assertThat(created.get("expires").isNull()).isTrue();
    assertThat(created.get("last_used").isNull()).isTrue();

    var list = api.get("/api/keys/").token(token).send();
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.json().size()).isEqualTo(1);
    assertThat(list.json().get(0).get("id").asLong()).isEqualTo(created.get("id").asLong());
    assertThat(list.json().get(0).has("key")).isFalse();
    assertThat(list.text()).doesNotContain(key).doesNotContain(key.substring(4));

    assertThat(api.get("/api/user/me/").token(key).send().status()).isEqualTo(200);
    var revoked = api.call("DELETE", "/api/keys/" + created.get("id").asLong() + "/").token(token);
    assertThat(revoked.send().status()).isEqualTo(204);
    var refused = api.get("/api/user/me/").token(key).send();
    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(api.get("/api/keys/").token(token).send().json().size()).isZero();
  }

  @Test
  void aKeyWorksAsTokenAndAsBearer() {
    var name = SignUp.newName("keys");
    var key = ApiKeys.key(api, SignUp.verifiedUser(api, name), "account");
    var asToken = api.get("/api/user/me/").header("Authorization", "Token " + key).send();
    var asBearer = api.get("/api/user/me").header("Authorization", "Bearer " + key).send();
    assertThat(asToken.status()).as(asToken.toString()).isEqualTo(200);
    assertThat(asToken.json().get("username").asString()).isEqualTo(name);
    assertThat(asBearer.status()).as(asBearer.toString()).isEqualTo(200);
    var madeUp = "fsk_" + "0".repeat(40);
    assertThat(api.get("/api/user/me/").token(madeUp).send().status()).isEqualTo(401);
  }

  @Test
  void aKeyCannotMakeListOrRevokeKeysNorSignOut() {
    var token = SignUp.verifiedUser(api, SignUp.newName("keys"));
    var created =
        ApiKeys.create(api, token, "all", "files:read", "files:write", "shares", "account");
    var key = created.get("key").asString();
    var calls =
        java.util.List.of(
            api.post("/api/keys/")
                .token(key)
                .json(Map.of("name", "more", "scopes", java.util.List.of("account"))),
            api.get("/api/keys/").token(key),
            api.call("DELETE", "/api/keys/" + created.get("id").asLong() + "/").token(key),
            api.post("/api/user/logout/").token(key),
            api.post("/api/user/logout-all/").token(key),
            api.post("/api/user/password/")
                .token(key)
                .json(Map.of("old_password", "x", "new_password", "y")));
    for (var call : calls) {
      var answer = call.send();
      assertThat(answer.status()).as(answer.toString()).isEqualTo(403);
      assertThat(answer.contentType()).startsWith("application/problem+json");
      assertThat(answer.json().get("detail").asString()).contains("API keys cannot");
    }
    assertThat(api.get("/api/keys/").token(token).send().json().size()).isEqualTo(1);
    assertThat(api.get("/api/user/me/").token(token).send().status()).isEqualTo(200);
  }

  @Test
  void anAdministratorsKeyDoesNotOpenTheAdministratorsEndpoints() {
    var name = SignUp.newName("keysadmin");
    var token = SignUp.verifiedUser(api, name);
    assertThat(Commands.run(environment, "admin", "grant", name)).isZero();
    var key = ApiKeys.key(api, token, "files:read", "files:write", "shares", "account");
    assertThat(api.get("/api/admin/totals/").token(token).send().status()).isEqualTo(200);
    var refused = api.get("/api/admin/totals/").token(key).send();
    assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
    assertThat(refused.json().get("detail").asString()).contains("API keys cannot");
  }

  @Test
  void anExpiredKeyIsRefused() {
    var token = SignUp.verifiedUser(api, SignUp.newName("keys"));
    var expires =
        clock.instant().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS).toString();
    var created = ApiKeys.expiring(api, token, "for an hour", expires, "account");
    assertThat(Instant.parse(created.get("expires").asString())).isEqualTo(Instant.parse(expires));
    var key = created.get("key").asString();
    assertThat(api.get("/api/user/me/").token(key).send().status()).isEqualTo(200);
    clock.advance(Duration.ofMinutes(61));
    assertThat(api.get("/api/user/me/").token(key).send().status()).isEqualTo(401);
  }

  @Test
  void anotherUsersKeyIsNotFound() {
    var alice = SignUp.verifiedUser(api, SignUp.newName("keys"));
    var bob = SignUp.verifiedUser(api, SignUp.newName("keys"));
    var created = ApiKeys.create(api, alice, "alice's", "account");
    var id = created.get("id").asLong();
    var answer = api.call("DELETE", "/api/keys/" + id + "/").token(bob).send();
    assertThat(answer.status()).as(answer.toString()).isEqualTo(404);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(api.get("/api/keys/").token(bob).send().json().size()).isZero();
    var key = created.get("key").asString();
    assertThat(api.get("/api/user/me/").token(key).send().status()).isEqualTo(200);
    for (var bad : new String[] {"0", "x", "999999999999", "-1"}) {
      assertThat(api.call("DELETE", "/api/keys/" + bad + "/").token(alice).send().status())
          .isEqualTo(404);
    }
  }

  @Test
  void theLastUseIsWrittenAtMostOnceAMinute() {
    var token = SignUp.verifiedUser(api, SignUp.newName("keys"));
    var key = ApiKeys.key(api, token, "account");
    assertThat(api.get("/api/user/me/").token(key).send().status()).isEqualTo(200);
    var first = lastUsed(token);
    clock.advance(Duration.ofSeconds(30));
    api.get("/api/user/me/").token(key).send();
    assertThat(lastUsed(token)).isEqualTo(first);
    clock.advance(Duration.ofSeconds(31));
    api.get("/api/user/me/").token(key).send();
    assertThat(lastUsed(token)).isAfter(first.plusSeconds(60));
  }

  @Test
  void aDisabledAccountsKeysAreRefused() {
    var admin = SignUp.newName("keysadmin");
    var adminToken = SignUp.verifiedUser(api, admin);
    assertThat(Commands.run(environment, "admin", "grant", admin)).isZero();
    var token = SignUp.verifiedUser(api, SignUp.newName("keys"));
    var key = ApiKeys.key(api, token, "account");
    var id = api.get("/api/user/me/").token(key).send().json().get("id").asLong();
    var path = "/api/admin/users/" + id;
    assertThat(api.post(path + "/disable/").token(adminToken).send().status()).isEqualTo(200);
    assertThat(api.get("/api/user/me/").token(key).send().status()).isEqualTo(401);
    assertThat(api.post(path + "/enable/").token(adminToken).send().status()).isEqualTo(200);
    assertThat(api.get("/api/user/me/").token(key).send().status()).isEqualTo(200);
  }

  private Instant lastUsed(String token) {
    var list = api.get("/api/keys/").token(token).send().json();
    return Instant.parse(list.get(0).get("last_used").asString());
  }
}
