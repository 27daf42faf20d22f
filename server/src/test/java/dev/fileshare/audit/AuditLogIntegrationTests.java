package dev.fileshare.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.support.ApiTest;
import dev.fileshare.support.SignUp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The audit log as an administrator reads it: sign-ins and their failures, sign-outs, password
 * changes, administrators' actions, with who, whose account, and the client's address; never a
 * password; only for administrators; paged; and emptied of entries past the retention.
 */
class AuditLogIntegrationTests extends ApiTest {

  private static final String WRONG = "a wrong password that must never be logged";

  @Autowired JdbcClient jdbc;
  @Autowired AuditCleanup cleanup;

  record User(long id, String name, String token) {}

  @Test
  void recordsSignInsFailuresSignOutsAndPasswordChanges() {
    var admin = admin();
    var ann = user("ann");
    assertThat(
            api.post("/api/user/login/")
                .json(Map.of("username", ann.name(), "password", WRONG))
                .send()
                .status())
        .isEqualTo(400);
    assertThat(
            api.post("/api/user/password/")
                .token(ann.token())
                .json(
                    Map.of(
                        "old_password",
                        SignUp.PASSWORD,
                        "new_password",
                        "another long passphrase of seven words"))
                .send()
                .status())
        .isEqualTo(200);
    var again = SignUp.login(api, ann.name(), "another long passphrase of seven words");
    assertThat(api.post("/api/user/logout/").token(again).send().status()).isEqualTo(200);

    var answer = api.get("/api/admin/audit/?user=" + ann.id()).token(admin.token()).send();
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    assertThat(answer.text()).doesNotContain(WRONG).doesNotContain(again);
    var entries = list(answer.json());
    assertThat(entries.stream().map(entry -> entry.get("action").asString()))
        .containsExactly("signed_out", "signed_in", "password_changed", "signed_in");
    var signedIn = entries.get(1);
    assertThat(signedIn.get("actor").asLong()).isEqualTo(ann.id());
    assertThat(signedIn.get("actor_name").asString()).isEqualTo(ann.name());
    assertThat(signedIn.get("user").asLong()).isEqualTo(ann.id());
    assertThat(signedIn.get("address").asString()).isEqualTo("127.0.0.1");
    assertThat(signedIn.get("detail").get("browser").asString()).isEqualTo("Java-http-client");

    var failures = list(api.get("/api/admin/audit/?limit=200").token(admin.token()).send().json());
    var failed =
        failures.stream()
            .filter(entry -> entry.get("action").asString().equals("sign_in_failed"))
            .filter(entry -> entry.get("detail").get("username").asString().equals(ann.name()))
            .toList();
    assertThat(failed).hasSize(1);
    assertThat(failed.get(0).get("detail").get("status").asInt()).isEqualTo(400);
    assertThat(failed.get(0).get("actor").isNull()).isTrue();
  }

  @Test
  void recordsWhatAdministratorsDo() {
    var admin = admin();
    var bob = user("bob");
    assertThat(
            api.post("/api/admin/users/" + bob.id() + "/disable/")
                .token(admin.token())
                .send()
                .status())
        .isEqualTo(200);
    assertThat(
            api.call("PUT", "/api/admin/users/" + bob.id() + "/quota/")
                .token(admin.token())
                .json(Map.of("quota", 1_000_000))
                .send()
                .status())
        .isEqualTo(200);
    var entries =
        list(api.get("/api/admin/audit/?user=" + bob.id()).token(admin.token()).send().json());
    var disabled = entries.get(1);
    assertThat(disabled.get("action").asString()).isEqualTo("account_disabled");
    assertThat(disabled.get("actor").asLong()).isEqualTo(admin.id());
    assertThat(disabled.get("actor_name").asString()).isEqualTo(admin.name());
    assertThat(disabled.get("user").asLong()).isEqualTo(bob.id());
    assertThat(entries.get(0).get("action").asString()).isEqualTo("quota_set");
    assertThat(entries.get(0).get("detail").get("quota").asString()).isEqualTo("1000000 bytes");
    var invited = SignUp.newName("invited") + "@example.test";
    var invitation =
        api.post("/api/admin/invitations/")
            .token(admin.token())
            .json(Map.of("email", invited))
            .send();
    assertThat(invitation.status()).as(invitation.toString()).isEqualTo(201);
    var id = invitation.json().get("id").asLong();
    assertThat(
            api.call("DELETE", "/api/admin/invitations/" + id + "/")
                .token(admin.token())
                .send()
                .status())
        .isEqualTo(204);
    var byAdmin =
        list(api.get("/api/admin/audit/?user=" + admin.id()).token(admin.token()).send().json());
    assertThat(byAdmin.get(0).get("action").asString()).isEqualTo("invitation_revoked");
    assertThat(byAdmin.get(0).get("detail").get("invitation").asLong()).isEqualTo(id);
    assertThat(byAdmin.get(1).get("action").asString()).isEqualTo("invitation_sent");
    assertThat(byAdmin.get(1).get("detail").get("email").asString()).isEqualTo(invited);
  }

  @Test
  void recordsApiKeysMadeUsedAndRevoked() {
    var admin = admin();
    var erin = user("erin");
    var made =
        api.post("/api/keys/")
            .token(erin.token())
            .json(Map.of("name", "backup script", "scopes", List.of("files:read")))
            .send();
    assertThat(made.status()).as(made.toString()).isEqualTo(201);
    var key = made.json().get("key").asString();
    assertThat(api.get("/api/files/").token(key).send().status()).isEqualTo(200);
    assertThat(
            api.call("DELETE", "/api/keys/" + made.json().get("id").asLong() + "/")
                .token(erin.token())
                .send()
                .status())
        .isEqualTo(204);
    var answer = api.get("/api/admin/audit/?user=" + erin.id()).token(admin.token()).send();
    assertThat(answer.text()).doesNotContain(key);
    var entries = list(answer.json());
    assertThat(entries.stream().map(entry -> entry.get("action").asString()))
        .startsWith("api_key_revoked", "api_key_used", "api_key_created");
    assertThat(entries.get(2).get("detail").get("name").asString()).isEqualTo("backup script");
  }

  @Test
  void onlyAdministratorsReadItPageByPage() {
    var admin = admin();
    var carol = user("carol");
    assertThat(api.get("/api/admin/audit/").token(carol.token()).send().status()).isEqualTo(403);
    assertThat(api.get("/api/admin/audit/").send().status()).isEqualTo(401);
    assertThat(api.get("/api/admin/audit/?user=x").token(admin.token()).send().status())
        .isEqualTo(400);
    for (var i = 0; i < 3; i++) {
      SignUp.login(api, carol.name(), SignUp.PASSWORD);
    }
    var first = api.get("/api/admin/audit/?limit=2&user=" + carol.id()).token(admin.token()).send();
    assertThat(list(first.json())).hasSize(2);
    var next = first.header("Link");
    assertThat(next).contains("rel=\"next\"");
    var url = next.substring(next.indexOf('<') + 1, next.indexOf('>'));
    var second = api.get(url.substring(url.indexOf("/api/"))).token(admin.token()).send();
    var ids = new ArrayList<Long>();
    list(first.json()).forEach(entry -> ids.add(entry.get("id").asLong()));
    list(second.json()).forEach(entry -> ids.add(entry.get("id").asLong()));
    assertThat(ids).doesNotHaveDuplicates().isSortedAccordingTo((a, b) -> Long.compare(b, a));
    assertThat(ids).hasSizeGreaterThanOrEqualTo(4); // three sign-ins and the first
  }

  @Test
  void entriesPastTheRetentionAreRemoved() {
    var dave = user("dave");
    clock.advance(Duration.ofDays(366));
    try {
      cleanup.clean();
      assertThat(
              jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE subject_id = ?")
                  .param(dave.id())
                  .query(Long.class)
                  .single())
          .isZero();
    } finally {
      clock.reset();
    }
  }

  private User admin() {
    var admin = user("admin");
    jdbc.sql("UPDATE users SET is_admin = ? WHERE id = ?").params(true, admin.id()).update();
    return admin;
  }

  private User user(String prefix) {
    var name = SignUp.newName(prefix);
    var token = SignUp.verifiedUser(api, name);
    var id = api.get("/api/user/me/").token(token).send().json().get("id").asLong();
    return new User(id, name, token);
  }

  private static List<JsonNode> list(JsonNode array) {
    var entries = new ArrayList<JsonNode>();
    array.forEach(entries::add);
    return entries;
  }
}
