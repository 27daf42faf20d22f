package dev.fileshare.files;

import static dev.fileshare.files.FileCalls.created;
import static dev.fileshare.files.TrashCalls.blobKey;
import static dev.fileshare.files.TrashCalls.ids;
import static dev.fileshare.files.TrashCalls.list;
import static dev.fileshare.files.TrashCalls.purge;
import static dev.fileshare.files.TrashCalls.restore;
import static dev.fileshare.files.TrashCalls.storedBytes;
import static dev.fileshare.files.TrashCalls.trash;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.shared.Sha256;
import dev.fileshare.storage.BlobStore;
import dev.fileshare.support.ApiTest;
import dev.fileshare.support.BackgroundReads;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.node.ObjectNode;

/** Deleting moves a file to the trash; from there it is restored or removed for good. */
class TrashIntegrationTests extends ApiTest {

  @Autowired JdbcClient jdbc;
  @Autowired BlobStore blobs;
  @Autowired OrphanSweeper sweeper;
  TestUsers.User alice;

  @BeforeEach
  void setUp() {
    alice = TestUsers.verified(api, jdbc);
  }

  @Test
  void aDeletedFileIsGoneEverywhereButTheTrashAndComesBackUnchanged() {
    var file = created(api, alice.token(), "report.pdf", "users");
    var id = file.get("id").asLong();
    var deletedAt = clock.instant();
    trash(api, alice.token(), id);

    assertGone(id);
    var trashed = list(api, alice.token());
    assertThat(ids(trashed)).containsExactly(id);
    var entry = (ObjectNode) trashed.get(0);
    assertThat(Instant.parse(entry.get("deleted").asString()))
        .isBetween(deletedAt.minusSeconds(1), clock.instant().plusSeconds(1));
    assertThat(Instant.parse(entry.get("purge_at").asString()))
        .isEqualTo(Instant.parse(entry.get("deleted").asString()).plus(Duration.ofDays(30)));
    assertThat(entry.get("versions").asLong()).isZero();
    assertThat(entry.get("stored").asLong()).isEqualTo(file.get("size").asLong());
    var withoutTrashMembers = entry.deepCopy();
    for (var member : new String[] {"deleted", "purge_at", "versions", "stored"}) {
      withoutTrashMembers.remove(member);
    }
    assertThat(FileJson.settled(withoutTrashMembers)).isEqualTo(FileJson.settled(file));

    var restored = restore(api, alice.token(), id);
    assertThat(restored.status()).as(restored.toString()).isEqualTo(200);
    assertThat(FileJson.settled(restored.json())).isEqualTo(FileJson.settled(file));
    assertThat(list(api, alice.token()).values()).isEmpty();
    assertThat(
            FileJson.settled(api.get("/api/files/" + id + "/").token(alice.token()).send().json()))
        .isEqualTo(FileJson.settled(file));
    var download = api.get("/api/download/" + id + "/").token(alice.token()).send();
    assertThat(download.status()).isEqualTo(200);
    assertThat(ids(api.get("/api/files/?owner=me").token(alice.token()).send().json()))
        .contains(id);
    assertThat(restore(api, alice.token(), id).status()).as("restored already").isEqualTo(404);
  }

  /**
   * The file is replaced first: where replacing keeps the old content as a version, the version's
   * bytes and blob go too.
   */
  @Test
  void removingForGoodFreesTheBytesAndTheBlobsOfTheContentAndItsVersions() throws Exception {
    var id = created(api, alice.token(), "big.pdf", "private").get("id").asLong();
    var replaced = FileCalls.replace(api, alice.token(), id, "big.pdf", TestPdfs.pdf("v2", 3));
    assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
    var keys = new ArrayList<String>(TrashCalls.versionKeys(jdbc, id));
    keys.add(blobKey(jdbc, id));
    var stored = replaced.json().get("size").asLong() + TrashCalls.versionBytes(jdbc, id);
    trash(api, alice.token(), id);
    var listed = list(api, alice.token()).get(0);
    assertThat(listed.get("versions").asLong()).isEqualTo(keys.size() - 1);
    assertThat(listed.get("stored").asLong()).isEqualTo(stored);
    for (var key : keys) {
      assertThat(blobs.exists(key)).as("kept in the trash").isTrue();
    }
    var before = storedBytes(jdbc, alice.username());

    var purged = purge(api, alice.token(), id);
    assertThat(purged.status()).as(purged.toString()).isEqualTo(204);
    assertThat(storedBytes(jdbc, alice.username())).isEqualTo(before - stored);
    for (var key : keys) {
      assertThat(blobs.exists(key)).isFalse();
    }
    assertThat(TrashCalls.rowExists(jdbc, id)).isFalse();
    assertThat(TrashCalls.versionKeys(jdbc, id)).isEmpty();
    assertThat(list(api, alice.token()).values()).isEmpty();
    assertThat(purge(api, alice.token(), id).status()).isEqualTo(404);
    assertThat(restore(api, alice.token(), id).status()).isEqualTo(404);
    assertThat(api.get("/api/files/" + id + "/").token(alice.token()).send().status())
        .isEqualTo(404);
    FileCalls.assertStorageMatchesRows(blobs, jdbc);
  }

  @Test
  void emptyingTheTrashRemovesOnlyTheCallersTrashedFiles() throws Exception {
    var bob = TestUsers.verified(api, jdbc);
    var kept = created(api, alice.token(), "kept.pdf", "users").get("id").asLong();
    var bobs = created(api, bob.token(), "bobs.pdf", "users").get("id").asLong();
    trash(api, bob.token(), bobs);
    var sizes = 0L;
    var keys = new ArrayList<String>();
    for (var i = 0; i < 3; i++) {
      var file = created(api, alice.token(), "old-" + i + ".pdf", "users");
      sizes += file.get("size").asLong();
      keys.add(blobKey(jdbc, file.get("id").asLong()));
      trash(api, alice.token(), file.get("id").asLong());
    }
    var before = storedBytes(jdbc, alice.username());
    var bobBefore = storedBytes(jdbc, bob.username());

    var emptied = TrashCalls.empty(api, alice.token());
    assertThat(emptied.status()).as(emptied.toString()).isEqualTo(204);
    assertThat(list(api, alice.token()).values()).isEmpty();
    assertThat(storedBytes(jdbc, alice.username())).isEqualTo(before - sizes);
    for (var key : keys) {
      assertThat(blobs.exists(key)).isFalse();
    }
    assertThat(api.get("/api/files/" + kept + "/").token(alice.token()).send().status())
        .isEqualTo(200);
    assertThat(ids(list(api, bob.token()))).containsExactly(bobs);
    assertThat(storedBytes(jdbc, bob.username())).isEqualTo(bobBefore);
    assertThat(TrashCalls.empty(api, alice.token()).status()).as("empty already").isEqualTo(204);
    FileCalls.assertStorageMatchesRows(blobs, jdbc);
  }

  @Test
  void theTrashIsPagedNewestDeletedFirst() {
    var deleted = new ArrayList<Long>();
    for (var i = 0; i < 5; i++) {
      var id = created(api, alice.token(), "page-" + i + ".pdf", "users").get("id").asLong();
      deleted.add(0, id);
      trash(api, alice.token(), id);
      if (i % 2 == 0) {
        clock.advance(Duration.ofSeconds(1)); // and some in the same millisecond
      }
    }
    var seen = new ArrayList<Long>();
    var page = api.get("/api/trash/?limit=2").token(alice.token()).send();
    while (true) {
      assertThat(page.status()).as(page.toString()).isEqualTo(200);
      assertThat(page.json().size()).isLessThanOrEqualTo(2);
      seen.addAll(ids(page.json()));
      if (page.header("Link") == null) {
        break;
      }
      page = api.get(TrashCalls.next(page)).token(alice.token()).send();
    }
    assertThat(seen).isEqualTo(deleted);
  }

  @Test
  void badPagingIsAClearProblem() {
    for (var query :
        new String[] {"before=abc", "before=1_", "before=-1_2", "limit=0", "limit=x"}) {
      var answer = api.get("/api/trash/?" + query).token(alice.token()).send();
      assertThat(answer.status()).as(query).isEqualTo(400);
      assertThat(answer.json().get("detail").asString()).isNotBlank();
    }
  }

  @Test
  void onlyTheOwnerSeesRestoresOrRemovesTheirTrash() throws Exception {
    var bob = TestUsers.verified(api, jdbc);
    var id = created(api, alice.token(), "mine.pdf", "users").get("id").asLong();
    assertThat(api.call("DELETE", "/api/files/" + id + "/").token(bob.token()).send().status())
        .isEqualTo(403);
    assertThat(restore(api, alice.token(), id).status()).as("not in the trash").isEqualTo(404);
    assertThat(purge(api, alice.token(), id).status()).as("not in the trash").isEqualTo(404);
    assertThat(api.get("/api/files/" + id + "/").token(alice.token()).send().status())
        .as("a live file is never removed through the trash")
        .isEqualTo(200);

    trash(api, alice.token(), id);
    assertThat(list(api, bob.token()).values()).isEmpty();
    assertThat(restore(api, bob.token(), id).status()).isEqualTo(404);
    assertThat(purge(api, bob.token(), id).status()).isEqualTo(404);
    assertThat(TrashCalls.empty(api, bob.token()).status()).isEqualTo(204);
    assertThat(ids(list(api, alice.token()))).containsExactly(id);
    assertThat(api.call("DELETE", "/api/files/" + id + "/").token(alice.token()).send().status())
        .as("in the trash already")
        .isEqualTo(404);
    assertThat(api.get("/api/trash/").send().status()).isEqualTo(401);
    for (var path : new String[] {"abc", "-1", "0", "99999999999999999999"}) {
      var restored = api.post("/api/trash/" + path + "/restore/").token(alice.token()).send();
      assertThat(restored.status()).as(path).isEqualTo(404);
      var answer = api.call("DELETE", "/api/trash/" + path + "/").token(alice.token()).send();
      assertThat(answer.status()).as(path).isEqualTo(404);
    }
  }

  @Test
  void theSweeperLeavesTheBlobOfATrashedFile() throws Exception {
    var file = created(api, alice.token(), "swept.pdf", "users");
    var id = file.get("id").asLong();
    trash(api, alice.token(), id);
    BackgroundReads.awaitIdle(jdbc);
    clock.advance(Duration.ofDays(2));
    sweeper.sweep();
    assertThat(blobs.exists(blobKey(jdbc, id))).isTrue();
    assertThat(restore(api, alice.token(), id).status()).isEqualTo(200);
    var download = api.get("/api/download/" + id + "/").token(alice.token()).send();
    assertThat(download.status()).isEqualTo(200);
    assertThat(Sha256.hex(Sha256.digest().digest(download.bytes())))
        .isEqualTo(file.get("sha256").asString());
  }

  @Test
  void theApiDocumentDescribesTheTrash() {
    var schema = api.get("/api/schema").send().json();
    var paths = schema.get("paths");
    assertThat(paths.get("/api/trash").has("get")).isTrue();
    assertThat(paths.get("/api/trash").has("delete")).isTrue();
    assertThat(paths.get("/api/trash/{id}").has("delete")).isTrue();
    assertThat(paths.get("/api/trash/{id}/restore").has("post")).isTrue();
    var trashed = schema.get("components").get("schemas").get("TrashAnswer").get("properties");
    for (var member : new String[] {"id", "name", "sha256", "deleted", "purge_at", "stored"}) {
      assertThat(trashed.has(member)).as(member).isTrue();
    }
  }

  /** The file answers 404 wherever it was, and is in no list. */
  private void assertGone(long id) {
    for (var path : new String[] {"/api/files/" + id + "/", "/api/download/" + id + "/"}) {
      var answer = api.get(path).token(alice.token()).send();
      assertThat(answer.status()).as(path).isEqualTo(404);
    }
    var rename = api.call("PATCH", "/api/files/" + id + "/").token(alice.token());
    assertThat(rename.json(Map.of("name", "x.pdf")).send().status()).isEqualTo(404);
    assertThat(FileCalls.replace(api, alice.token(), id, "x.pdf", TestPdfs.pdf("x")).status())
        .isEqualTo(404);
    assertThat(ids(api.get("/api/files/").token(alice.token()).send().json())).doesNotContain(id);
    var page = api.get("/api/files/?owner=me&limit=10").token(alice.token()).send().json();
    assertThat(ids(page.get("results"))).doesNotContain(id);
    assertThat(page.get("count").asLong()).isZero();
    var all = api.get("/api/all_files/").token(alice.token()).send().json();
    assertThat(ids(all.get("files"))).doesNotContain(id);
  }
}
