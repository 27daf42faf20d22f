package dev.fileshare.requests;

import static dev.fileshare.requests.RequestCalls.create;
import static dev.fileshare.requests.RequestCalls.get;
import static dev.fileshare.requests.RequestCalls.patch;
import static dev.fileshare.requests.RequestCalls.request;
import static dev.fileshare.requests.RequestCalls.send;
import static dev.fileshare.requests.RequestCalls.tokenOf;
import static dev.fileshare.requests.RequestCalls.visit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.files.TestPdfs;
import dev.fileshare.files.TestUsers;
import dev.fileshare.support.TestEnvironment;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An owner makes, lists, changes, closes, reopens and deletes requests; bad input is a problem. */
class RequestLifecycleIntegrationTests extends RequestTest {

  @Autowired JdbcClient jdbc;

  @Test
  void aNewRequestHasAnUnguessableLinkAndWhatTheOwnerAsked() {
    var owner = TestUsers.verified(api, jdbc);
    var json =
        request(
            api,
            owner.token(),
            Map.of(
                "title",
                "Tax documents 2025",
                "instructions",
                "Your payslips, please.",
                "max_files",
                3,
                "max_file_size",
                1_000_000,
                "require_name",
                true,
                "require_email",
                true));
    assertThat(json.get("url").asString())
        .startsWith(TestEnvironment.PUBLIC_URL + "/r/")
        .matches(".*/r/[0-9a-f]{40}");
    assertThat(json.get("title").asString()).isEqualTo("Tax documents 2025");
    assertThat(json.get("instructions").asString()).isEqualTo("Your payslips, please.");
    assertThat(json.get("max_files").asLong()).isEqualTo(3);
    assertThat(json.get("max_file_size").asLong()).isEqualTo(1_000_000);
    assertThat(json.get("require_name").asBoolean()).isTrue();
    assertThat(json.get("notify").asBoolean()).isTrue();
    assertThat(json.get("closed").asBoolean()).isFalse();
    assertThat(json.get("has_password").asBoolean()).isFalse();
    assertThat(json.get("file_count").asLong()).isZero();
    assertThat(json.has("password")).isFalse();
  }

  @Test
  void theListIsNewestFirstWithHowManyFilesEachReceived() {
    var owner = TestUsers.verified(api, jdbc);
    var first = request(api, owner.token(), Map.of("title", "First"));
    var second = request(api, owner.token(), Map.of("title", "Second"));
    var visit = visit(api, tokenOf(first));
    for (var i = 0; i < 2; i++) {
      assertThat(send(api, tokenOf(first), visit, "a" + i + ".pdf", TestPdfs.pdf("a" + i)).status())
          .isEqualTo(201);
    }
    var list = api.get("/api/requests/").token(owner.token()).send();
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.json().get(0).get("id").asLong()).isEqualTo(second.get("id").asLong());
    assertThat(list.json().get(0).get("file_count").asLong()).isZero();
    assertThat(list.json().get(1).get("file_count").asLong()).isEqualTo(2);

    var page = api.get("/api/requests/?limit=1").token(owner.token()).send();
    assertThat(page.json()).hasSize(1);
    assertThat(page.header("Link")).contains("before=" + second.get("id").asLong());
  }

  @Test
  void theOwnerChangesClosesReopensAndDeletes() {
    var owner = TestUsers.verified(api, jdbc);
    var json = request(api, owner.token(), Map.of("title", "Contracts"));
    var id = json.get("id").asLong();
    var token = tokenOf(json);
    var visit = visit(api, token);

    var changed =
        patch(api, owner.token(), id, Map.of("title", "Signed contracts", "max_files", 9));
    assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
    assertThat(changed.json().get("title").asString()).isEqualTo("Signed contracts");
    assertThat(changed.json().get("max_files").asLong()).isEqualTo(9);
    assertThat(changed.json().get("url")).isEqualTo(json.get("url"));

    assertThat(
            patch(api, owner.token(), id, Map.of("closed", true)).json().get("closed").asBoolean())
        .isTrue();
    var refused = send(api, token, visit, "late.pdf", TestPdfs.pdf("late"));
    assertThat(refused.status()).isEqualTo(410);
    assertThat(refused.json().get("reason").asString()).isEqualTo("closed");
    assertThat(api.get("/api/r/" + token + "/").send().status()).isEqualTo(410);

    patch(api, owner.token(), id, Map.of("closed", false));
    assertThat(send(api, token, visit, "now.pdf", TestPdfs.pdf("now")).status()).isEqualTo(201);
    assertThat(get(api, owner.token(), id).get("file_count").asLong()).isEqualTo(1);

    var delete = api.call("DELETE", "/api/requests/" + id + "/").token(owner.token()).send();
    assertThat(delete.status()).isEqualTo(204);
    assertThat(api.get("/api/requests/" + id + "/").token(owner.token()).send().status())
        .isEqualTo(404);
    assertThat(api.get("/api/r/" + token + "/").send().status()).isEqualTo(404);
    var files = api.get("/api/files/?owner=me").token(owner.token()).send().json();
    assertThat(files).hasSize(1); // what arrived stays the owner's
  }

  @Test
  void someoneElsesRequestDoesNotExistForTheCaller() {
    var owner = TestUsers.verified(api, jdbc);
    var other = TestUsers.verified(api, jdbc);
    var id = request(api, owner.token(), Map.of("title", "Mine")).get("id").asLong();
    assertThat(api.get("/api/requests/" + id + "/").token(other.token()).send().status())
        .isEqualTo(404);
    assertThat(patch(api, other.token(), id, Map.of("closed", true)).status()).isEqualTo(404);
    assertThat(api.call("DELETE", "/api/requests/" + id + "/").token(other.token()).send().status())
        .isEqualTo(404);
    assertThat(api.get("/api/requests/" + id + "/uploads/").token(other.token()).send().status())
        .isEqualTo(404);
    assertThat(api.get("/api/requests/").send().status()).isEqualTo(401);
  }

  @Test
  void onlyUsersWhoMayUploadMakeRequests() {
    var unverified = TestUsers.unverified(api, jdbc);
    var answer = create(api, unverified.token(), Map.of("title", "Nope"));
    assertThat(answer.status()).isEqualTo(403);
    assertThat(answer.json().get("detail").asString()).contains("Confirm your email");
  }

  @Test
  void badInputIsAProblemThatNamesTheMember() {
    var owner = TestUsers.verified(api, jdbc);
    assertProblem(owner.token(), Map.of(), "title");
    assertProblem(owner.token(), Map.of("title", "  "), "title");
    assertProblem(owner.token(), Map.of("title", 5), "title");
    assertProblem(owner.token(), Map.of("title", "x".repeat(201)), "title");
    assertProblem(owner.token(), Map.of("title", "T", "max_files", 0), "max_files");
    assertProblem(owner.token(), Map.of("title", "T", "max_files", "many"), "max_files");
    assertProblem(owner.token(), Map.of("title", "T", "max_file_size", 0), "max_file_size");
    assertProblem(owner.token(), Map.of("title", "T", "max_file_size", 1L << 40), "max_file_size");
    assertProblem(owner.token(), Map.of("title", "T", "expires", "tomorrow"), "expires");
    assertProblem(
        owner.token(), Map.of("title", "T", "expires", "2001-01-01T00:00:00Z"), "expires");
    assertProblem(
        owner.token(), Map.of("title", "T", "expires", "+999999999-01-01T00:00:00Z"), "expires");
    assertProblem(owner.token(), Map.of("title", "T", "password", "abc"), "password");
    assertProblem(owner.token(), Map.of("title", "T", "require_name", "yes"), "require_name");
    var notJson = api.post("/api/requests/").token(owner.token()).json("[1]").send();
    assertThat(notJson.status()).isEqualTo(400);
    assertThat(api.get("/api/requests/abc/").token(owner.token()).send().status()).isEqualTo(404);
    assertThat(api.get("/api/requests/?limit=0").token(owner.token()).send().status())
        .isEqualTo(400);
  }

  private void assertProblem(String token, Map<String, ?> body, String member) {
    var answer = create(api, token, new HashMap<>(body));
    assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(answer.json().has(member)).as(answer.toString()).isTrue();
  }
}
