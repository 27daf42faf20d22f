package dev.fileshare.files.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.files.Files;
import dev.fileshare.shared.AuthenticatedUser;
import dev.fileshare.shared.UserId;
import dev.fileshare.storage.BlobStores;
import dev.fileshare.support.Api;
import dev.fileshare.support.ApiTest;
import dev.fileshare.support.Node;
import dev.fileshare.support.S3TestServer;
import dev.fileshare.support.SignUp;
import dev.fileshare.support.TestPeers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code migrate-storage} moves every file to the other store (local to S3, or S3 to local when the
 * suite runs on S3) while the server serves them: every file downloads intact before, during and
 * after, keeps its owner, name and visibility, and the old store ends empty. Killed halfway and run
 * again, it finishes the job and loses nothing.
 */
class StorageMigrationIntegrationTests extends ApiTest {

  /** The server also has the S3 store when its blobs are on local disk: both stores, as needed. */
  @DynamicPropertySource
  static void bothStores(DynamicPropertyRegistry registry) {
    if ("local".equals(TestPeers.storage())) {
      var bucket = S3TestServer.newBucket();
      Node.s3(bucket).forEach((key, value) -> registry.add(key, () -> value));
    }
  }

  @Autowired Environment environment;
  @Autowired BlobStores stores;
  @Autowired JdbcClient jdbc;
  @Autowired FileMover mover;
  @Autowired Files files;

  String source;
  String target;
  MigrationFixture fixture;

  @BeforeEach
  void stores() {
    source = stores.currentName();
    target = source.equals("local") ? "s3" : "local";
    fixture = new MigrationFixture(api);
  }

  /**
   * As documented: the files are in the old store; a node already switched to the new one (the
   * second node here) takes uploads and replacements while the command runs, and both nodes serve
   * downloads.
   */
  @Test
  void movesEveryFileWhileTheNodesServeThem() throws Exception {
    var alice = SignUp.verifiedUser(api, SignUp.newName("alice"));
    var bob = SignUp.verifiedUser(api, SignUp.newName("bob"));
    for (var i = 0; i < 24; i++) {
      var visibility = i % 3 == 0 ? "private" : "users";
      fixture.upload(i % 2 == 0 ? alice : bob, "before-" + i + ".pdf", visibility, 1 + i);
    }
    fixture.assertAllIntact();
    var replaced = fixture.files.values().stream().limit(4).toList();
    var stable = new HashSet<>(fixture.files.keySet());
    replaced.forEach(file -> stable.remove(file.id()));

    var settings = MigrationCommand.settings(environment);
    settings.put("fileshare.storage.type", target);
    try (var switched = Node.start(settings)) {
      var running = new AtomicBoolean(true);
      var failures = new CopyOnWriteArrayList<Throwable>();
      var downloads = new AtomicInteger();
      var changes = new AtomicInteger();
      var reader =
          new Thread(() -> keepDownloading(switched.api(), stable, running, downloads, failures));
      var writer =
          new Thread(
              () -> keepChanging(switched.api(), alice, replaced, running, changes, failures));
      reader.start();
      writer.start();
      int exit;
      try {
        exit = new MigrationCommand(environment, target).run();
      } finally {
        running.set(false);
        reader.join();
        writer.join();
      }
      assertThat(failures).isEmpty();
      assertThat(exit).isZero();
      assertThat(downloads.get()).as("downloads while the command ran").isPositive();
      assertThat(changes.get()).as("uploads and replacements while it ran").isPositive();
    }
    assertThat(storesOfRows()).containsOnly(target);
    fixture.assertAllIntact();
    assertThat(blobsIn(source)).as("blobs left in the old store").isEmpty();
    assertThat(blobsIn(target)).containsAll(keysOfRows());
  }

  /** Downloads the files again and again through both nodes, checking each one's bytes. */
  void keepDownloading(
      Api other,
      Set<Long> ids,
      AtomicBoolean running,
      AtomicInteger count,
      List<Throwable> failed) {
    while (running.get()) {
      for (var id : ids) {
        try {
          fixture.assertDownloads(count.get() % 2 == 0 ? api : other, fixture.files.get(id));
          count.incrementAndGet();
        } catch (RuntimeException | AssertionError e) {
          failed.add(e);
          return;
        }
      }
    }
  }

  /** Replaces the given files once each, then uploads new ones: a bounded number in all. */
  void keepChanging(
      Api via,
      String token,
      List<MigrationFixture.Uploaded> replaced,
      AtomicBoolean running,
      AtomicInteger count,
      List<Throwable> failed) {
    try {
      for (var file : replaced) {
        fixture.replace(via, file);
        count.incrementAndGet();
      }
      for (var i = 0; running.get() && i < 200; i++) {
        fixture.upload(via, token, "during-" + i + ".pdf", "users", 2);
        count.incrementAndGet();
      }
    } catch (RuntimeException | AssertionError e) {
      failed.add(e);
    }
  }

  @Test
  void killedHalfwayAndRunAgainLosesNothing() throws Exception {
    var carol = SignUp.verifiedUser(api, SignUp.newName("carol"));
    for (var i = 0; i < 40; i++) {
      fixture.upload(carol, "file-" + i + ".pdf", i % 2 == 0 ? "private" : "users", 20);
    }
    var ids = fixture.files.keySet();

    var process = new MigrationCommand(environment, target).start();
    long movedAtKill;
    try {
      var deadline = Instant.now().plusSeconds(60);
      while (movedInto(target, ids) < 3 && process.isAlive() && Instant.now().isBefore(deadline)) {
        Thread.sleep(5);
      }
    } finally {
      process.destroyForcibly();
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    movedAtKill = movedInto(target, ids);
    assertThat(movedAtKill).as("files moved when the command was killed").isBetween(3L, 39L);
    fixture.assertAllIntact();

    assertThat(new MigrationCommand(environment, target).run()).isZero();
    assertThat(movedInto(target, ids)).isEqualTo(40);
    fixture.assertAllIntact();
    // at most the one copy that was being made, and the one old blob not yet deleted, are left
    // behind for the sweeper; every row's blob is there
    var inTarget = blobsIn(target);
    assertThat(inTarget).containsAll(keysOfRows());
    assertThat(inTarget.size() - keysOfRows().size()).isLessThanOrEqualTo(1);
    assertThat(blobsIn(source))
        .hasSizeLessThanOrEqualTo(1)
        .doesNotContainAnyElementsOf(keysOfRows());
  }

  /** A file replaced or deleted while its bytes are copied keeps what the client last did. */
  @Test
  void aFileChangedDuringItsCopyIsLeftAsTheClientLeftIt() {
    var dave = SignUp.verifiedUser(api, SignUp.newName("dave"));
    var kept = fixture.upload(dave, "kept.pdf", "users", 2);
    var gone = fixture.upload(dave, "gone.pdf", "users", 2);
    var copied = located(kept.id());
    var replaced = fixture.replace(api, kept);
    var blobsBefore = blobsIn(target);

    assertThat(mover.move(copied, target)).isEqualTo(FileMover.Outcome.CHANGED);
    assertThat(located(kept.id()).store()).isEqualTo(source);
    fixture.assertDownloads(replaced);

    var deleted = located(gone.id());
    assertThat(api.call("DELETE", "/api/files/" + gone.id() + "/").token(dave).send().status())
        .isEqualTo(204);
    fixture.files.remove(gone.id());
    assertThat(mover.move(deleted, target)).isEqualTo(FileMover.Outcome.CHANGED);
    assertThat(blobsIn(target)).as("copies of changed files are removed").isEqualTo(blobsBefore);
  }

  /** A download that found the file in the old store just before it moved still gets its bytes. */
  @Test
  void aDownloadThatLookedBeforeTheMoveReadsFromTheNewPlace() throws Exception {
    var frank = SignUp.newName("frank");
    var token = SignUp.verifiedUser(api, frank);
    var file = fixture.upload(token, "moving.pdf", "users", 3);
    var owner =
        jdbc.sql("SELECT owner_id FROM files WHERE id = ?")
            .param(file.id())
            .query(Long.class)
            .single();
    var content = files.content(new AuthenticatedUser(new UserId(owner), 0), file.id());

    assertThat(mover.move(located(file.id()), target)).isEqualTo(FileMover.Outcome.MOVED);
    try (var in = content.open()) {
      assertThat(FileMover.sha256(in)).isEqualTo(file.sha256());
    }
    try (var in = content.open(10, 100)) {
      assertThat(in.readAllBytes()).hasSize(100);
    }
  }

  /** A file whose bytes are gone cannot be moved: it stays, and the command says so. */
  @Test
  void aFileWithoutItsBytesIsReportedAndLeftWhereItIs() throws Exception {
    var erin = SignUp.verifiedUser(api, SignUp.newName("erin"));
    var lost = fixture.upload(erin, "lost.pdf", "private", 1);
    fixture.files.remove(lost.id());
    var where = located(lost.id());
    stores.get(source).delete(where.blobKey());
    try {
      assertThat(mover.move(where, target)).isEqualTo(FileMover.Outcome.FAILED);
      assertThat(located(lost.id())).isEqualTo(where);
      assertThat(new MigrationCommand(environment, target).run()).isEqualTo(1);
      assertThat(located(lost.id())).isEqualTo(where);
    } finally {
      api.call("DELETE", "/api/files/" + lost.id() + "/").token(erin).send();
    }
  }

  MigrationRows.Located located(long id) {
    return jdbc.sql("SELECT id, store, blob_key, size, sha256 FROM files WHERE id = ?")
        .param(id)
        .query(MigrationRows.Located.class)
        .single();
  }

  long movedInto(String store, Set<Long> ids) {
    return jdbc
        .sql("SELECT id FROM files WHERE store = ?")
        .param(store)
        .query(Long.class)
        .list()
        .stream()
        .filter(ids::contains)
        .count();
  }

  Set<String> storesOfRows() {
    return new HashSet<>(jdbc.sql("SELECT DISTINCT store FROM files").query(String.class).list());
  }

  Set<String> keysOfRows() {
    return new HashSet<>(jdbc.sql("SELECT blob_key FROM files").query(String.class).list());
  }

  Set<String> blobsIn(String store) {
    var keys = new HashSet<String>();
    try {
      stores.get(store).sweep(Instant.now().plus(1, ChronoUnit.DAYS), keys::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return keys;
  }
}
