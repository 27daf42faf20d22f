package dev.fileshare.files;

import static dev.fileshare.files.TrashCalls.storedBytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.fileshare.shared.Sha256;
import dev.fileshare.storage.BlobStore;
import dev.fileshare.support.Api;
import dev.fileshare.support.Node;
import dev.fileshare.support.SignUp;
import dev.fileshare.support.TwoNodes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two nodes behind a load balancer remove files for good from the trash at once (each one's
 * retention job, emptying at both, a restore at one racing a removal at the other): every file is
 * removed once, its bytes released once, and a restored file keeps its content. Runs on PostgreSQL
 * only (SQLite is one node's database).
 */
class TrashNodesIntegrationTests {

  static final int FILES = 20;

  static Node one;
  static Node two;

  @RegisterExtension
  static final TwoNodes nodes =
      new TwoNodes(
          Map.of("fileshare.trash.retention", "3s", "fileshare.trash.purge-interval", "100ms"),
          (first, second) -> {
            one = first;
            two = second;
          });

  /** A user's files, uploaded at either node. */
  private record Uploaded(String username, String token, List<Long> ids, long bytes) {}

  @Test
  void theJobsOfBothNodesRemoveEachFileOnce() {
    var user = upload("retention");
    var before = storedBytes(jdbc(), user.username());
    var keys = keys(user.ids());
    for (var i = 0; i < user.ids().size(); i++) {
      TrashCalls.trash(api(i), user.token(), user.ids().get(i));
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> count(user.username()) == 0);
    assertThat(storedBytes(jdbc(), user.username())).isEqualTo(before - user.bytes());
    assertNoneStored(keys);
  }

  @Test
  void emptyingAndRemovingAtBothNodesAtOnceRemovesEachFileOnce() throws Exception {
    var user = upload("empty");
    var before = storedBytes(jdbc(), user.username());
    var keys = keys(user.ids());
    for (var i = 0; i < user.ids().size(); i++) {
      TrashCalls.trash(api(i), user.token(), user.ids().get(i));
    }
    var calls = new ArrayList<Callable<Integer>>();
    for (var i = 0; i < user.ids().size(); i++) {
      var api = api(i);
      var id = user.ids().get(i);
      calls.add(() -> TrashCalls.purge(api, user.token(), id).status());
    }
    calls.add(() -> TrashCalls.empty(one.api(), user.token()).status());
    calls.add(() -> TrashCalls.empty(two.api(), user.token()).status());
    assertThat(atOnce(calls)).allMatch(status -> status == 204 || status == 404);
    assertThat(count(user.username())).isZero();
    assertThat(storedBytes(jdbc(), user.username())).isEqualTo(before - user.bytes());
    assertNoneStored(keys);
  }

  @Test
  void aRestoreRacingARemovalEitherKeepsTheFileWholeOrRemovesItOnce() throws Exception {
    var user = upload("race");
    var before = storedBytes(jdbc(), user.username());
    var removed = 0L;
    for (var id : user.ids()) {
      var file = one.api().get("/api/files/" + id + "/").token(user.token()).send().json();
      TrashCalls.trash(one.api(), user.token(), id);
      var statuses =
          atOnce(
              List.of(
                  () -> TrashCalls.restore(one.api(), user.token(), id).status(),
                  () -> TrashCalls.purge(two.api(), user.token(), id).status()));
      assertThat(statuses).as("restore, remove").isIn(List.of(200, 404), List.of(404, 204));
      if (statuses.get(0) == 200) {
        var download = two.api().get("/api/download/" + id + "/").token(user.token()).send();
        assertThat(download.status()).isEqualTo(200);
        assertThat(Sha256.hex(Sha256.digest().digest(download.bytes())))
            .isEqualTo(file.get("sha256").asString());
      } else {
        removed += file.get("size").asLong();
        assertThat(TrashCalls.rowExists(jdbc(), id)).isFalse();
      }
    }
    assertThat(storedBytes(jdbc(), user.username())).isEqualTo(before - removed);
  }

  private static Uploaded upload(String prefix) {
    var name = SignUp.newName(prefix);
    var token = SignUp.verifiedUser(one.api(), name);
    var ids = new ArrayList<Long>();
    var bytes = 0L;
    for (var i = 0; i < FILES; i++) {
      var answer = FileCalls.upload(api(i), token, prefix + i + ".pdf", TestPdfs.pdf(name + i));
      assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
      ids.add(answer.json().get("id").asLong());
      bytes += answer.json().get("size").asLong();
    }
    return new Uploaded(name, token, ids, bytes);
  }

  private static List<Integer> atOnce(List<Callable<Integer>> calls) throws Exception {
    var pool = Executors.newFixedThreadPool(calls.size());
    try {
      var start = new CountDownLatch(1);
      var answers = new ArrayList<Future<Integer>>();
      for (var call : calls) {
        answers.add(
            pool.submit(
                () -> {
                  start.await();
                  return call.call();
                }));
      }
      start.countDown();
      var statuses = new ArrayList<Integer>();
      for (var answer : answers) {
        statuses.add(answer.get());
      }
      return statuses;
    } finally {
      pool.shutdownNow();
    }
  }

  private static List<String> keys(List<Long> ids) {
    return ids.stream().map(id -> TrashCalls.blobKey(jdbc(), id)).toList();
  }

  private static void assertNoneStored(List<String> keys) {
    var blobs = one.bean(BlobStore.class);
    for (var key : keys) {
      await()
          .atMost(Duration.ofSeconds(5))
          .untilAsserted(() -> assertThat(blobs.exists(key)).as(key).isFalse());
    }
  }

  private static long count(String username) {
    return jdbc()
        .sql(
            "SELECT COUNT(*) FROM files f JOIN users u ON u.id = f.owner_id"
                + " WHERE u.username_key = ?")
        .param(username.toLowerCase(Locale.ROOT))
        .query(Long.class)
        .single();
  }

  private static Api api(int i) {
    return (i % 2 == 0 ? one : two).api();
  }

  private static JdbcClient jdbc() {
    return one.bean(JdbcClient.class);
  }
}
