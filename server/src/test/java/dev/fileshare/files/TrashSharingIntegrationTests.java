package dev.fileshare.files;

import static dev.fileshare.files.ShareCalls.ids;
import static dev.fileshare.files.ShareCalls.shared;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.support.ApiTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The shares of a file in the trash are hidden with it, from the recipient and the owner, and come
 * back when it is restored.
 */
class TrashSharingIntegrationTests extends ApiTest {

  @Autowired JdbcClient jdbc;
  TestUsers.User alice;
  TestUsers.User bob;
  long file;
  long share;

  @BeforeEach
  void setUp() {
    alice = TestUsers.verified(api, jdbc);
    bob = TestUsers.verified(api, jdbc);
    file = FileCalls.created(api, alice.token(), "plan.pdf", "private").get("id").asLong();
    share = shared(api, alice.token(), file, bob.username(), "edit").get("id").asLong();
  }

  @Test
  void aTrashedFileIsGoneForItsRecipientsUntilRestored() {
    var seen = api.get("/api/files/" + file + "/").token(bob.token()).send().json();
    TrashCalls.trash(api, alice.token(), file);

    assertThat(ids(api, bob.token(), "/api/files/?shared=with-me")).doesNotContain(file);
    assertThat(ids(api, bob.token(), "/api/files/")).doesNotContain(file);
    assertThat(ids(api, bob.token(), "/api/all_files/")).doesNotContain(file);
    assertThat(ids(api, alice.token(), "/api/files/?shared=by-me")).doesNotContain(file);
    for (var path :
        new String[] {
          "/api/files/" + file + "/",
          "/api/download/" + file + "/",
          "/api/files/" + file + "/shares/"
        }) {
      assertThat(api.get(path).token(bob.token()).send().status()).as(path).isEqualTo(404);
      assertThat(api.get(path).token(alice.token()).send().status()).as(path).isEqualTo(404);
    }
    var rename = api.call("PATCH", "/api/files/" + file + "/").token(bob.token());
    assertThat(rename.json(Map.of("name", "x.pdf")).send().status()).isEqualTo(404);
    assertThat(FileCalls.replace(api, bob.token(), file, "x.pdf", TestPdfs.pdf("x")).status())
        .isEqualTo(404);
    assertThat(ShareCalls.share(api, alice.token(), file, bob.username(), "read").status())
        .isEqualTo(404);
    var change = api.call("PATCH", "/api/files/" + file + "/shares/" + share + "/");
    assertThat(change.token(alice.token()).json(Map.of("permission", "read")).send().status())
        .isEqualTo(404);
    assertThat(ShareCalls.revoke(api, bob.token(), file, share).status()).isEqualTo(404);
    assertThat(ShareCalls.revoke(api, alice.token(), file, share).status()).isEqualTo(404);
    var leave = api.call("DELETE", "/api/files/" + file + "/shares/mine/").token(bob.token());
    assertThat(leave.send().status()).isEqualTo(404);

    assertThat(TrashCalls.restore(api, alice.token(), file).status()).isEqualTo(200);
    assertThat(ids(api, bob.token(), "/api/files/?shared=with-me")).containsExactly(file);
    assertThat(
            FileJson.settled(api.get("/api/files/" + file + "/").token(bob.token()).send().json()))
        .isEqualTo(FileJson.settled(seen));
    var shares = api.get("/api/files/" + file + "/shares/").token(alice.token()).send().json();
    assertThat(shares.get(0).get("id").asLong()).isEqualTo(share);
    assertThat(shares.get(0).get("permission").asString()).isEqualTo("edit");
  }
}
