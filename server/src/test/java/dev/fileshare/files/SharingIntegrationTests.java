package dev.fileshare.files;

import static dev.fileshare.files.ShareCalls.ids;
import static dev.fileshare.files.ShareCalls.revoke;
import static dev.fileshare.files.ShareCalls.share;
import static dev.fileshare.files.ShareCalls.shared;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.shared.Sha256;
import dev.fileshare.support.ApiTest;
import dev.fileshare.support.Mailbox;
import dev.fileshare.support.SignUp;
import dev.fileshare.support.TestEnvironment;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Sharing a file with named people, through the real server: by username and by address, the mail,
 * invitations that attach when the address is confirmed, read and edit, revoking, and the lists.
 */
class SharingIntegrationTests extends ApiTest {

  @Autowired JdbcClient jdbc;
  TestUsers.User alice;
  TestUsers.User bob;
  long file;

  @BeforeEach
  void setUp() {
    alice = TestUsers.verified(api, jdbc);
    bob = TestUsers.verified(api, jdbc);
    file = FileCalls.created(api, alice.token(), "plan.pdf", "private").get("id").asLong();
  }

  static String address(TestUsers.User user) {
    return user.username() + "@example.test";
  }

  @Test
  void sharingByUsernameMailsTheRecipientOnceAndSharingAgainChangesThePermission()
      throws Exception {
    var share = shared(api, alice.token(), file, bob.username(), "read");
    assertThat(share.get("file").asLong()).isEqualTo(file);
    assertThat(share.get("user").asString()).isEqualTo(bob.username());
    assertThat(share.get("email").isNull()).isTrue();
    assertThat(share.get("permission").asString()).isEqualTo("read");
    assertThat(share.get("shared_by").asString()).isEqualTo(alice.username());
    assertThat(share.get("pending").asBoolean()).isFalse();
    assertThat(share.has("created")).isTrue();
    assertThat(share.has("updated")).isTrue();

    var mail = shareMail(address(bob));
    var text = Mailbox.text(mail);
    assertThat(text)
        .contains("plan.pdf", alice.username(), TestEnvironment.PUBLIC_URL + "/#/files");
    assertThat(mail.getSubject()).contains(alice.username(), "plan.pdf");

    var again = share(api, alice.token(), file, bob.username().toUpperCase(), "edit");
    assertThat(again.status()).as(again.toString()).isEqualTo(200);
    assertThat(again.json().get("id").asLong()).isEqualTo(share.get("id").asLong());
    assertThat(again.json().get("permission").asString()).isEqualTo("edit");

    // mail goes out in order: once carol has hers, a second one to bob would have gone out too
    var carol = TestUsers.verified(api, jdbc);
    shared(api, alice.token(), file, carol.username(), "read");
    shareMail(address(carol));
    assertThat(shareMails(address(bob))).hasSize(1);

    var listed = api.get("/api/files/" + file + "/shares/").token(alice.token()).send();
    assertThat(listed.status()).isEqualTo(200);
    assertThat(listed.json().values().stream().map(s -> s.get("user").asString()))
        .containsExactly(bob.username(), carol.username());
  }

  @Test
  void sharingByTheAddressOfAnAccountSharesWithThatAccount() {
    var share = shared(api, alice.token(), file, address(bob).toUpperCase(), "read");
    assertThat(share.get("user").asString()).isEqualTo(bob.username());
    assertThat(share.get("pending").asBoolean()).isFalse();
    assertThat(ids(api, bob.token(), "/api/files/?shared=with-me")).containsExactly(file);
  }

  @Test
  void anInvitationAttachesWhenTheAddressIsRegisteredAndConfirmed() throws Exception {
    var name = SignUp.newName("invited");
    var email = SignUp.email(name);
    var invitation = shared(api, alice.token(), file, email, "edit");
    assertThat(invitation.get("user").isNull()).isTrue();
    assertThat(invitation.get("email").asString()).isEqualTo(email);
    assertThat(invitation.get("pending").asBoolean()).isTrue();
    var mail = Mailbox.text(Mailbox.await(email, 1));
    assertThat(mail)
        .contains("plan.pdf", alice.username(), TestEnvironment.PUBLIC_URL + "/#/signup");

    SignUp.register(api, name);
    var verification = Mailbox.await(email, 2);
    var token = Mailbox.token(verification, "/verify-email/");
    assertThat(api.post("/api/verify-email/" + token + "/").send().status()).isEqualTo(200);
    var invited = SignUp.login(api, name, SignUp.PASSWORD);

    assertThat(ids(api, invited, "/api/files/?shared=with-me")).containsExactly(file);
    var seen = api.get("/api/files/" + file + "/").token(invited).send().json();
    assertThat(seen.get("permission").asString()).isEqualTo("edit");
    assertThat(seen.get("shared_by").asString()).isEqualTo(alice.username());
    // the same in a list, where the owner's own copy shows no share
    var inList = listed(invited, file);
    assertThat(inList.get("permission").asString()).isEqualTo("edit");
    assertThat(inList.get("shared_by").asString()).isEqualTo(alice.username());
    var own = listed(alice.token(), file);
    assertThat(own.path("permission").isMissingNode() || own.get("permission").isNull()).isTrue();
    assertThat(own.path("shared_by").isMissingNode() || own.get("shared_by").isNull()).isTrue();
    var listed = api.get("/api/files/" + file + "/shares/").token(alice.token()).send().json();
    assertThat(listed.get(0).get("user").asString()).isEqualTo(name);
    assertThat(listed.get(0).get("email").isNull()).isTrue();
    assertThat(listed.get(0).get("pending").asBoolean()).isFalse();
    assertThat(Mailbox.all(email)).hasSize(2);
  }

  @Test
  void aReadShareSeesAndDownloadsButChangesNothing() {
    shared(api, alice.token(), file, bob.username(), "read");
    var seen = api.get("/api/files/" + file + "/").token(bob.token()).send();
    assertThat(seen.status()).isEqualTo(200);
    assertThat(seen.json().get("shared_by").asString()).isEqualTo(alice.username());
    assertThat(seen.json().get("permission").asString()).isEqualTo("read");
    var download = api.get("/api/download/" + file + "/").token(bob.token()).send();
    assertThat(download.status()).isEqualTo(200);
    assertThat(Sha256.hex(Sha256.digest().digest(download.bytes())))
        .isEqualTo(seen.json().get("sha256").asString());

    assertThat(FileCalls.replace(api, bob.token(), file, "x.pdf", TestPdfs.pdf("x")).status())
        .isEqualTo(403);
    assertThat(rename(bob.token(), Map.of("name", "x.pdf"))).isEqualTo(403);
    assertThat(api.call("DELETE", "/api/files/" + file + "/").token(bob.token()).send().status())
        .isEqualTo(403);

    var own = api.get("/api/files/" + file + "/").token(alice.token()).send().json();
    assertThat(own.has("shared_by")).isFalse();
    assertThat(own.has("permission")).isFalse();
  }

  @Test
  void anEditShareReplacesAndRenamesButNeverDeletesChangesVisibilityOrReshares() {
    shared(api, alice.token(), file, bob.username(), "edit");
    var content = TestPdfs.pdf("bob's version");
    var replaced = FileCalls.replace(api, bob.token(), file, "plan-v2.pdf", content);
    assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
    assertThat(replaced.json().get("permission").asString()).isEqualTo("edit");
    assertThat(replaced.json().get("owner").asString()).isEqualTo(alice.username());
    var download = api.get("/api/download/" + file + "/").token(alice.token()).send();
    assertThat(download.bytes()).isEqualTo(content);

    assertThat(rename(bob.token(), Map.of("name", "final.pdf"))).isEqualTo(200);
    assertThat(
            api.get("/api/files/" + file + "/")
                .token(alice.token())
                .send()
                .json()
                .get("name")
                .asString())
        .isEqualTo("final.pdf");
    assertThat(rename(bob.token(), Map.of("visibility", "users"))).isEqualTo(403);
    assertThat(rename(bob.token(), Map.of("name", "n.pdf", "visibility", "users"))).isEqualTo(403);
    var form = new Multipart().pdf("v3.pdf", TestPdfs.pdf("v3")).field("visibility", "users");
    assertThat(
            api.call("PUT", "/api/files/" + file + "/")
                .token(bob.token())
                .body(form.contentType(), form.bytes())
                .send()
                .status())
        .isEqualTo(403);
    assertThat(api.call("DELETE", "/api/files/" + file + "/").token(bob.token()).send().status())
        .isEqualTo(403);
    var carol = TestUsers.verified(api, jdbc);
    assertThat(share(api, bob.token(), file, carol.username(), "read").status()).isEqualTo(403);
    assertThat(api.get("/api/files/" + file + "/shares/").token(bob.token()).send().status())
        .isEqualTo(403);
    assertThat(
            api.get("/api/files/" + file + "/")
                .token(alice.token())
                .send()
                .json()
                .get("visibility")
                .asString())
        .isEqualTo("private");
  }

  @Test
  void theRecipientRemovesTheFileFromTheirListAndTheOwnerRevokesAndChanges() {
    var share = shared(api, alice.token(), file, bob.username(), "read").get("id").asLong();
    var changed =
        api.call("PATCH", "/api/files/" + file + "/shares/" + share + "/")
            .token(alice.token())
            .json(Map.of("permission", "edit"))
            .send();
    assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
    assertThat(changed.json().get("permission").asString()).isEqualTo("edit");
    assertThat(
            api.call("PATCH", "/api/files/" + file + "/shares/" + share + "/")
                .token(bob.token())
                .json(Map.of("permission", "read"))
                .send()
                .status())
        .isEqualTo(403);

    assertThat(revoke(api, bob.token(), file, share).status()).isEqualTo(204);
    assertThat(ids(api, bob.token(), "/api/files/")).doesNotContain(file);
    assertThat(api.get("/api/files/" + file + "/").token(bob.token()).send().status())
        .isEqualTo(404);
    assertThat(revoke(api, bob.token(), file, share).status()).isEqualTo(404);

    var again = shared(api, alice.token(), file, bob.username(), "read").get("id").asLong();
    assertThat(ids(api, bob.token(), "/api/files/")).contains(file);
    assertThat(revoke(api, alice.token(), file, again).status()).isEqualTo(204);
    assertThat(api.get("/api/download/" + file + "/").token(bob.token()).send().status())
        .isEqualTo(404);
    assertThat(api.get("/api/files/" + file + "/shares/").token(alice.token()).send().json().size())
        .isZero();
  }

  @Test
  void theRecipientLeavesAShareWithoutKnowingItsId() {
    shared(api, alice.token(), file, bob.username(), "read");
    var mine = "/api/files/" + file + "/shares/mine/";
    assertThat(api.call("DELETE", mine).token(alice.token()).send().status()).isEqualTo(404);
    assertThat(api.call("DELETE", mine).token(bob.token()).send().status()).isEqualTo(204);
    assertThat(ids(api, bob.token(), "/api/files/")).doesNotContain(file);
    assertThat(api.call("DELETE", mine).token(bob.token()).send().status()).isEqualTo(404);
    assertThat(api.get("/api/files/" + file + "/shares/").token(alice.token()).send().json().size())
        .isZero();
  }

  @Test
  void listsShowSharedFilesWithWhoSharedThemAndThePermission() {
    var other = FileCalls.created(api, alice.token(), "other.pdf", "users").get("id").asLong();
    var own = FileCalls.created(api, bob.token(), "own.pdf", "private").get("id").asLong();
    shared(api, alice.token(), file, bob.username(), "edit");

    assertThat(ids(api, bob.token(), "/api/files/?shared=with-me")).containsExactly(file);
    assertThat(ids(api, bob.token(), "/api/files/?shared=with-me&limit=5")).containsExactly(file);
    assertThat(
            api.get("/api/files/?shared=with-me&limit=5")
                .token(bob.token())
                .send()
                .json()
                .get("count")
                .asLong())
        .isEqualTo(1);
    assertThat(ids(api, bob.token(), "/api/files/")).contains(file, other, own);
    assertThat(ids(api, bob.token(), "/api/all_files/")).contains(file, other, own);
    assertThat(ids(api, bob.token(), "/api/files/?owner=me")).containsExactly(own);
    assertThat(ids(api, bob.token(), "/api/files/?shared=by-me")).isEmpty();
    assertThat(ids(api, alice.token(), "/api/files/?shared=by-me")).containsExactly(file);
    assertThat(ids(api, alice.token(), "/api/files/?shared=with-me")).isEmpty();
    assertThat(ids(api, bob.token(), "/api/files/?shared=with-me&search=PLAN"))
        .containsExactly(file);

    var listed =
        api.get("/api/all_files/").token(bob.token()).send().json().get("files").values().stream()
            .filter(f -> f.get("id").asLong() == file)
            .findFirst()
            .orElseThrow();
    assertThat(listed.get("shared_by").asString()).isEqualTo(alice.username());
    assertThat(listed.get("permission").asString()).isEqualTo("edit");
    var notShared =
        api.get("/api/files/").token(bob.token()).send().json().values().stream()
            .filter(f -> f.get("id").asLong() == other)
            .findFirst()
            .orElseThrow();
    assertThat(notShared.has("shared_by")).isFalse();
    assertThat(notShared.has("permission")).isFalse();
    // the owner's list of the same file, right after: no member of bob's answer leaks into it
    var ownersView =
        api.get("/api/files/").token(alice.token()).send().json().values().stream()
            .filter(f -> f.get("id").asLong() == file)
            .findFirst()
            .orElseThrow();
    assertThat(ownersView.has("permission")).isFalse();
  }

  @Test
  void removingTheFileForGoodOrTheRecipientRemovesTheShares() {
    var carol = TestUsers.verified(api, jdbc);
    shared(api, alice.token(), file, bob.username(), "read");
    shared(api, alice.token(), file, carol.username(), "read");
    jdbc.sql("DELETE FROM users WHERE username_key = ?")
        .param(carol.username().toLowerCase())
        .update();
    var shares = api.get("/api/files/" + file + "/shares/").token(alice.token()).send().json();
    assertThat(shares.values().stream().map(s -> s.get("user").asString()))
        .containsExactly(bob.username());

    assertThat(api.call("DELETE", "/api/files/" + file + "/").token(alice.token()).send().status())
        .isEqualTo(204);
    assertThat(ids(api, bob.token(), "/api/files/?shared=with-me")).isEmpty();
    assertThat(countShares()).as("kept while the file is in the trash").isOne();
    assertThat(TrashCalls.purge(api, alice.token(), file).status()).isEqualTo(204);
    assertThat(countShares()).isZero();
  }

  @Test
  void badInputIsAClearProblem() {
    assertProblem(share(api, alice.token(), file, "nobody-" + bob.username(), "read"), 400, "user");
    assertProblem(share(api, alice.token(), file, alice.username(), "read"), 400, "user");
    assertProblem(share(api, alice.token(), file, address(alice), "read"), 400, "user");
    assertProblem(share(api, alice.token(), file, bob.username(), "admin"), 400, "permission");
    assertProblem(share(api, alice.token(), file, " ", "read"), 400, "user");
    var missing =
        api.post("/api/files/" + file + "/shares/").token(alice.token()).json("{}").send();
    assertProblem(missing, 400, "user");
    var broken =
        api.post("/api/files/" + file + "/shares/").token(alice.token()).json("{\"user\":").send();
    assertThat(broken.status()).isEqualTo(400);
    var wrongType =
        api.post("/api/files/" + file + "/shares/")
            .token(alice.token())
            .json("{\"user\":[1],\"permission\":{}}")
            .send();
    assertThat(wrongType.status()).as(wrongType.toString()).isEqualTo(400);

    // someone else's file: as the files endpoints answer
    var hidden = FileCalls.created(api, bob.token(), "hidden.pdf", "private").get("id").asLong();
    var visible = FileCalls.created(api, bob.token(), "visible.pdf", "users").get("id").asLong();
    assertThat(share(api, alice.token(), hidden, bob.username(), "read").status()).isEqualTo(404);
    assertThat(share(api, alice.token(), visible, bob.username(), "read").status()).isEqualTo(403);
    assertThat(share(api, alice.token(), 999_999_999, bob.username(), "read").status())
        .isEqualTo(404);
    assertThat(api.get("/api/files/abc/shares/").token(alice.token()).send().status())
        .isEqualTo(404);

    var share = shared(api, alice.token(), file, bob.username(), "read").get("id").asLong();
    var otherFile = FileCalls.created(api, alice.token(), "b.pdf", "private").get("id").asLong();
    assertThat(revoke(api, alice.token(), otherFile, share).status()).isEqualTo(404);
    var noPermission =
        api.call("PATCH", "/api/files/" + file + "/shares/" + share + "/")
            .token(alice.token())
            .json("{}")
            .send();
    assertProblem(noPermission, 400, "permission");
    var badPermission =
        api.call("PATCH", "/api/files/" + file + "/shares/" + share + "/")
            .token(alice.token())
            .json(Map.of("permission", "owner"))
            .send();
    assertProblem(badPermission, 400, "permission");
    var badFilter = api.get("/api/files/?shared=everyone").token(alice.token()).send();
    assertProblem(badFilter, 400, "shared");
  }

  @Test
  void usernamesAreSuggestedForVerifiedUsersOnly() {
    var prefix = "sugg" + bob.username().substring(1, 7);
    for (var i = 0; i < 12; i++) {
      var answer =
          api.post("/api/user/register/")
              .json(
                  Map.of(
                      "username",
                      prefix + "_" + i,
                      "password",
                      SignUp.PASSWORD,
                      "email",
                      prefix + i + "@example.test"))
              .send();
      assertThat(answer.status()).isEqualTo(200);
    }
    jdbc.sql("UPDATE users SET email_verified = ? WHERE username_key LIKE ? AND username_key <> ?")
        .params(true, prefix + "%", prefix + "_11")
        .update();

    var found = api.get("/api/users/?search=" + prefix.toUpperCase()).token(alice.token()).send();
    assertThat(found.status()).isEqualTo(200);
    var names = found.json().values().stream().map(u -> u.get("username").asString()).toList();
    assertThat(names)
        .hasSize(10)
        .allMatch(n -> n.startsWith(prefix + "_"))
        .doesNotContain(prefix + "_11");
    assertThat(api.get("/api/users/?search=" + prefix + "_1").token(alice.token()).send().json())
        .hasSize(2);
    assertThat(api.get("/api/users/?search=" + prefix + "%25").token(alice.token()).send().json())
        .isEmpty();
    assertThat(api.get("/api/users/?search=").token(alice.token()).send().json()).isEmpty();
    assertThat(api.get("/api/users/?search=" + prefix).send().status()).isEqualTo(401);
  }

  /** The mails to the address that tell of a share (the others are about the account). */
  private static List<MimeMessage> shareMails(String address) {
    return Mailbox.all(address).stream()
        .filter(
            mail -> {
              try {
                return mail.getSubject().contains(" shared ");
              } catch (MessagingException e) {
                throw new IllegalStateException(e);
              }
            })
        .toList();
  }

  private static MimeMessage shareMail(String address) {
    return Awaitility.await("a share mail for " + address)
        .atMost(Duration.ofSeconds(15))
        .until(() -> shareMails(address), mails -> !mails.isEmpty())
        .get(0);
  }

  private int rename(String token, Map<String, String> fields) {
    return api.call("PATCH", "/api/files/" + file + "/").token(token).json(fields).send().status();
  }

  private long countShares() {
    return jdbc.sql("SELECT COUNT(*) FROM file_shares WHERE file_id = ?")
        .param(file)
        .query(Long.class)
        .single();
  }

  private static void assertProblem(
      dev.fileshare.support.Api.Answer answer, int status, String field) {
    assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(answer.json().get("detail").asString()).isNotBlank();
    assertThat(answer.json().has(field)).as(answer.toString()).isTrue();
  }

  private JsonNode listed(String token, long id) {
    return api.get("/api/files/").token(token).send().json().values().stream()
        .filter(f -> f.get("id").asLong() == id)
        .findFirst()
        .orElseThrow();
  }
}
