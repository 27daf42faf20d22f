package dev.fileshare.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.files.Multipart;
import dev.fileshare.files.TestPdfs;
import dev.fileshare.storage.BlobStore;
import dev.fileshare.support.ApiTest;
import dev.fileshare.support.Mailbox;
import dev.fileshare.support.StoredBlobs;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An administrator deletes an account through the real server: its files removed for good or given
 * to another user with their versions, shares and links, nothing of it left in any table or in
 * storage, its sign-ins and keys ended; and sends a new verification mail.
 */
class AdminDeleteAccountIntegrationTests extends ApiTest {

  @Autowired JdbcClient jdbc;
  @Autowired BlobStore blobs;

  AdminCalls.User admin;
  AdminCalls.User bob;
  AdminCalls.User carol;
  AdminCalls.User dave;

  @BeforeEach
  void users() {
    var stamp = Long.toString(System.nanoTime(), 36);
    admin = AdminCalls.admin(api, jdbc, "admin" + stamp);
    bob = AdminCalls.user(api, jdbc, "bob" + stamp);
    carol = AdminCalls.user(api, jdbc, "carol" + stamp);
    dave = AdminCalls.user(api, jdbc, "dave" + stamp);
  }

  /**
   * Bob's things: a file with a version shared with carol and dave, a file in the trash, a link.
   */
  private record Owned(long shared, long trashed, String link, String key) {}

  private Owned bobsThings() {
    var shared =
        AdminCalls.upload(api, bob.token(), TestPdfs.pdf("shared " + bob.username()))
            .get("id")
            .asLong();
    var form = new Multipart().pdf("v2.pdf", TestPdfs.pdf("second " + bob.username()));
    var replaced =
        api.call("PUT", "/api/files/" + shared + "/")
            .token(bob.token())
            .body(form.contentType(), form.bytes())
            .send();
    assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
    for (var who : List.of(carol, dave)) {
      var share =
          api.post("/api/files/" + shared + "/shares/")
              .token(bob.token())
              .json(Map.of("user", who.username()))
              .send();
      assertThat(share.status()).as(share.toString()).isEqualTo(201);
    }
    var trashed =
        AdminCalls.upload(api, bob.token(), TestPdfs.pdf("trashed " + bob.username()))
            .get("id")
            .asLong();
    assertThat(api.call("DELETE", "/api/files/" + trashed + "/").token(bob.token()).send().status())
        .isEqualTo(204);
    var link =
        api.post("/api/files/" + shared + "/links/")
            .token(bob.token())
            .json(Map.of("label", "partners"))
            .send();
    assertThat(link.status()).isEqualTo(201);
    var url = link.json().get("url").asString().replaceAll("/$", "");
    var key =
        api.post("/api/keys/")
            .token(bob.token())
            .json(Map.of("name", "backup", "scopes", List.of("files:read")))
            .send();
    assertThat(key.status()).as(key.toString()).isEqualTo(201);
    return new Owned(
        shared, trashed, url.substring(url.lastIndexOf('/') + 1), key.json().get("key").asString());
  }

  private long userCount() {
    return AdminCalls.get(api, admin.token(), "/api/admin/totals/").json().get("users").asLong();
  }

  private void assertBobIsGone(Owned owned) {
    assertThat(api.get("/api/user/me/").token(bob.token()).send().status()).isEqualTo(401);
    assertThat(api.get("/api/files/").token(owned.key()).send().status()).isEqualTo(401);
    var login = AdminCalls.login(api, bob.username());
    assertThat(login.status()).isEqualTo(400);
    assertThat(AdminCalls.get(api, admin.token(), "/api/admin/users/" + bob.id() + "/").status())
        .isEqualTo(404);
    for (var table :
        List.of(
            "auth_tokens",
            "api_keys",
            "storage_usage",
            "activity",
            "file_requests",
            "tus_uploads")) {
      var column =
          switch (table) {
            case "file_requests", "tus_uploads" -> "owner_id";
            default -> "user_id";
          };
      assertThat(
              jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE " + column + " = ?")
                  .param(bob.id())
                  .query(Long.class)
                  .single())
          .as(table)
          .isZero();
    }
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM files WHERE owner_id = ?")
                .param(bob.id())
                .query(Long.class)
                .single())
        .isZero();
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM share_links WHERE owner_id = ?")
                .param(bob.id())
                .query(Long.class)
                .single())
        .isZero();
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM file_shares WHERE shared_by = ? OR recipient_id = ?")
                .params(bob.id(), bob.id())
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void deletingWithTheFilesRemovesEverythingOfTheAccount() {
    var owned = bobsThings();
    AdminCalls.request(api, bob.token());
    var before = userCount();

    var answer =
        api.post("/api/admin/users/" + bob.id() + "/delete/")
            .token(admin.token())
            .json(Map.of("files", "delete"))
            .send();
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    assertThat(answer.json().get("files").asString()).isEqualTo("deleted");
    assertThat(answer.json().get("count").asLong()).isEqualTo(2);
    assertThat(answer.json().get("username").asString()).isEqualTo(bob.username());

    assertBobIsGone(owned);
    assertThat(api.get("/api/s/" + owned.link() + "/").send().status()).isEqualTo(404);
    assertThat(api.get("/api/files/?shared=with-me").token(carol.token()).send().text())
        .doesNotContain("\"id\":" + owned.shared() + ",");
    assertThat(userCount()).isEqualTo(before - 1);
    StoredBlobs.assertNoBlobLeft(blobs, jdbc);

    var audit = AdminCalls.get(api, admin.token(), "/api/admin/audit/?user=" + bob.id());
    assertThat(audit.status()).as(audit.toString()).isEqualTo(200);
    assertThat(audit.json().get(0).toString())
        .containsIgnoringCase("account_deleted")
        .contains(admin.username())
        .contains("\"files_removed\":2");
  }

  @Test
  void deletingWithATransferGivesTheFilesTheirSharesAndLinksToTheHeir() {
    var owned = bobsThings();
    var bobUsage =
        api.get("/api/user/me/")
            .token(bob.token())
            .send()
            .json()
            .get("usage")
            .get("bytes")
            .asLong();
    var daveUsage =
        api.get("/api/user/me/")
            .token(dave.token())
            .send()
            .json()
            .get("usage")
            .get("bytes")
            .asLong();

    var answer =
        api.post("/api/admin/users/" + bob.id() + "/delete/")
            .token(admin.token())
            .json(Map.of("files", "transfer", "to", dave.username()))
            .send();
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    assertThat(answer.json().get("files").asString()).isEqualTo("transferred");
    assertThat(answer.json().get("count").asLong()).isEqualTo(2);
    assertThat(answer.json().get("to").asString()).isEqualTo(dave.username());
    assertBobIsGone(owned);

    var file = api.get("/api/files/" + owned.shared() + "/").token(dave.token()).send();
    assertThat(file.status()).isEqualTo(200);
    assertThat(file.json().get("owner").asString()).isEqualTo(dave.username());
    assertThat(file.json().get("version").asInt()).isEqualTo(2);
    var versions =
        api.get("/api/files/" + owned.shared() + "/versions/").token(dave.token()).send();
    assertThat(versions.json().size()).isEqualTo(1);
    var trash = api.get("/api/trash/").token(dave.token()).send();
    assertThat(trash.text()).contains("\"id\":" + owned.trashed() + ",");
    var carolSees = api.get("/api/files/" + owned.shared() + "/").token(carol.token()).send();
    assertThat(carolSees.status()).isEqualTo(200);
    assertThat(carolSees.json().get("shared_by").asString()).isEqualTo(dave.username());
    var shares = api.get("/api/files/" + owned.shared() + "/shares/").token(dave.token()).send();
    assertThat(shares.text())
        .contains(carol.username())
        .doesNotContain("\"user\":\"" + dave.username() + "\"");
    assertThat(api.get("/api/s/" + owned.link() + "/").send().status()).isEqualTo(200);
    assertThat(api.get("/api/links/").token(dave.token()).send().text()).contains(owned.link());
    var daveAfter = api.get("/api/user/me/").token(dave.token()).send().json().get("usage");
    assertThat(daveAfter.get("bytes").asLong()).isEqualTo(daveUsage + bobUsage);
    assertThat(daveAfter.get("files").asLong()).isEqualTo(2);
    var download = api.get("/api/download/" + owned.shared() + "/").token(dave.token()).send();
    assertThat(download.status()).isEqualTo(200);
    StoredBlobs.assertNoBlobLeft(blobs, jdbc);
  }

  @Test
  void refusalsChangeNothing() {
    var path = "/api/admin/users/" + bob.id() + "/delete/";
    var cases =
        Map.<Object, Integer>of(
            Map.of(), 400,
            Map.of("files", "shred"), 400,
            Map.of("files", "transfer"), 400,
            Map.of("files", "transfer", "to", "nobody-" + System.nanoTime()), 400,
            Map.of("files", "transfer", "to", bob.username()), 400,
            Map.of("files", "delete", "to", dave.username()), 400);
    for (var entry : cases.entrySet()) {
      var answer = api.post(path).token(admin.token()).json(entry.getKey()).send();
      assertThat(answer.status()).as(entry.getKey() + " " + answer).isEqualTo(entry.getValue());
      assertThat(answer.contentType()).startsWith("application/problem+json");
    }
    assertThat(api.post(path).token(admin.token()).send().status()).isEqualTo(400);
    var self =
        api.post("/api/admin/users/" + admin.id() + "/delete/")
            .token(admin.token())
            .json(Map.of("files", "delete"))
            .send();
    assertThat(self.status()).isEqualTo(409);
    assertThat(api.post(path).token(carol.token()).json(Map.of("files", "delete")).send().status())
        .isEqualTo(403);
    assertThat(
            api.post("/api/admin/users/999999999/delete/")
                .token(admin.token())
                .json(Map.of("files", "delete"))
                .send()
                .status())
        .isEqualTo(404);
    assertThat(api.get("/api/user/me/").token(bob.token()).send().status()).isEqualTo(200);
    var shown = AdminCalls.get(api, admin.token(), "/api/admin/users/" + bob.id() + "/").json();
    assertThat(shown.get("disabled").asBoolean()).isFalse();
  }

  @Test
  void anAdministratorSendsANewVerificationMail() {
    var email = "erin" + System.nanoTime() + "@example.test";
    var registered =
        api.post("/api/user/register/")
            .json(
                Map.of(
                    "username",
                    email.substring(0, email.indexOf('@')),
                    "password",
                    AdminCalls.PASSWORD,
                    "email",
                    email))
            .send();
    assertThat(registered.status()).isEqualTo(200);
    Mailbox.await(email, 1);
    var id =
        jdbc.sql("SELECT id FROM users WHERE email = ?").param(email).query(Long.class).single();
    var answer =
        AdminCalls.post(api, admin.token(), "/api/admin/users/" + id + "/resend-verification/");
    assertThat(answer.status()).as(answer.toString()).isEqualTo(202);
    var second = Mailbox.await(email, 2);
    assertThat(Mailbox.text(second)).contains("/verify-email/");
    var verified =
        AdminCalls.post(
            api, admin.token(), "/api/admin/users/" + bob.id() + "/resend-verification/");
    assertThat(verified.status()).isEqualTo(409);
    assertThat(
            AdminCalls.post(api, carol.token(), "/api/admin/users/" + id + "/resend-verification/")
                .status())
        .isEqualTo(403);
  }
}
