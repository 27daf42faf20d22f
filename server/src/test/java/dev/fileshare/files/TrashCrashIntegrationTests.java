package dev.fileshare.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.fileshare.shared.Sha256;
import dev.fileshare.support.Api;
import dev.fileshare.support.TestPeers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The server, in a JVM of its own, is killed with {@code kill -9} while files are being removed for
 * good from the trash (one by one, and by emptying it), restored and deleted, and started again.
 * Then every file is where the last acknowledged request left it (or where the one in flight would
 * have), every row's blob is there with the row's SHA-256, and after a sweep no blob is left that
 * no row names.
 */
class TrashCrashIntegrationTests {

  static final int WORKERS = 4;

  /** Where a file may be. */
  enum State {
    LIVE,
    TRASHED,
    GONE
  }

  @TempDir Path dataDir;

  /** Per file id, where it may be: where the last acknowledged request left it, or the next. */
  final Map<Long, Set<State>> expected = new ConcurrentHashMap<>();

  final AtomicInteger purges = new AtomicInteger();
  final List<Throwable> failures = new CopyOnWriteArrayList<>();

  @Test
  void killedWhileRemovingFilesForGoodLosesAndLeavesNothing() throws Exception {
    var postgres = "postgres".equals(TestPeers.database());
    var databaseUrl = postgres ? TestPeers.newPostgresDatabase() : null;
    var jdbc = jdbc(postgres ? databaseUrl : "jdbc:sqlite:" + dataDir.resolve("fileshare.db"));
    var server = new ServerProcess(dataDir, databaseUrl, List.of());
    try {
      server.start();
      var user = TestUsers.verified(server.api(), jdbc);
      var running = new AtomicBoolean(true);
      var threads = new ArrayList<Thread>();
      for (var i = 0; i < WORKERS; i++) {
        var api = server.api();
        threads.add(new Thread(() -> work(api, user.token(), running)));
      }
      var emptier = server.api();
      threads.add(new Thread(() -> empty(emptier, user.token(), running)));
      threads.forEach(Thread::start);
      await()
          .atMost(Duration.ofSeconds(120))
          .until(() -> purges.get() >= 20 || !failures.isEmpty());
      server.kill();
      running.set(false);
      for (var thread : threads) {
        thread.join();
      }
      assertThat(failures).isEmpty();

      server =
          new ServerProcess(
              dataDir,
              databaseUrl,
              List.of("--fileshare.storage.sweep-grace=0s", "--fileshare.files.sweep-interval=1s"));
      server.start();
      assertEveryFileIsWhereItWasLeft(jdbc);
      assertEveryRowsBlobIsWhole(jdbc);
      var api = server.api();
      for (var id : live(jdbc)) {
        assertThat(api.get("/api/download/" + id + "/").token(user.token()).send().status())
            .isEqualTo(200);
      }
      await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(500))
          .untilAsserted(
              () -> {
                assertThat(storedBlobs().keySet()).as("blobs on disk").isEqualTo(keys(jdbc));
                assertThat(halfWritten()).as("half-written uploads").isZero();
              });
    } finally {
      server.stop();
    }
  }

  /**
   * Uploads files and deletes them; removes its files in the trash for good, restores some, until
   * the server goes away.
   */
  private void work(Api api, String token, AtomicBoolean running) {
    var mine = new ArrayList<Long>();
    var random = ThreadLocalRandom.current();
    while (running.get()) {
      try {
        var trashed = mine.stream().filter(id -> expected.get(id).contains(State.TRASHED)).toList();
        if (trashed.size() < 3 || random.nextInt(3) == 0) {
          var content = TestPdfs.pdf(UUID.randomUUID().toString(), 1 + random.nextInt(6));
          var answer = FileCalls.upload(api, token, "crash.pdf", content);
          assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
          var id = answer.json().get("id").asLong();
          mine.add(id);
          if (random.nextBoolean()) {
            var replaced = FileCalls.replace(api, token, id, "crash.pdf", TestPdfs.pdf("v2"));
            assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
          }
          expected.put(id, Set.of(State.LIVE, State.TRASHED, State.GONE));
          TrashCalls.trash(api, token, id);
          expected.put(id, Set.of(State.TRASHED, State.GONE));
        } else if (random.nextInt(4) == 0) {
          var id = trashed.get(random.nextInt(trashed.size()));
          expected.put(id, Set.of(State.TRASHED, State.GONE, State.LIVE));
          var answer = TrashCalls.restore(api, token, id);
          assertThat(answer.status()).as(answer.toString()).isIn(200, 404);
          expected.put(id, Set.of(answer.status() == 200 ? State.LIVE : State.GONE));
        } else {
          var id = trashed.get(random.nextInt(trashed.size()));
          var answer = TrashCalls.purge(api, token, id);
          assertThat(answer.status()).as(answer.toString()).isIn(204, 404);
          expected.put(id, Set.of(State.GONE));
          purges.incrementAndGet();
        }
      } catch (UncheckedIOException serverGone) {
        return; // killed: this request is unacknowledged
      } catch (RuntimeException | AssertionError e) {
        failures.add(e);
        return;
      }
    }
  }

  /** Empties the trash now and then, until the server goes away. */
  private void empty(Api api, String token, AtomicBoolean running) {
    while (running.get()) {
      try {
        var answer = TrashCalls.empty(api, token);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(204);
        purges.incrementAndGet();
        Thread.sleep(300); // pacing, so that the workers' own removals and restores run too
      } catch (UncheckedIOException serverGone) {
        return;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException | AssertionError e) {
        failures.add(e);
        return;
      }
    }
  }

  private void assertEveryFileIsWhereItWasLeft(JdbcClient jdbc) {
    var states = new HashMap<Long, State>();
    jdbc.sql("SELECT id, CASE WHEN deleted_at IS NULL THEN 0 ELSE 1 END FROM files")
        .query(
            rs -> {
              states.put(rs.getLong(1), rs.getInt(2) == 0 ? State.LIVE : State.TRASHED);
            });
    expected.forEach(
        (id, acceptable) ->
            assertThat(acceptable).as("file " + id).contains(states.getOrDefault(id, State.GONE)));
  }

  /** Every row of a file or a version names a blob that is there, with the row's SHA-256. */
  private void assertEveryRowsBlobIsWhole(JdbcClient jdbc) throws IOException {
    var stored = storedBlobs();
    var rows =
        jdbc.sql(
                "SELECT blob_key, sha256 FROM files UNION ALL SELECT blob_key, sha256 FROM file_versions")
            .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
            .list();
    for (var row : rows) {
      assertThat(stored).as("blob of a row").containsKey(row.getKey());
      var bytes = Files.readAllBytes(stored.get(row.getKey()));
      assertThat(Sha256.hex(Sha256.digest().digest(bytes))).isEqualTo(row.getValue());
    }
  }

  private static List<Long> live(JdbcClient jdbc) {
    return jdbc.sql("SELECT id FROM files WHERE deleted_at IS NULL").query(Long.class).list();
  }

  private static Set<String> keys(JdbcClient jdbc) {
    return new HashSet<>(
        jdbc.sql(
                "SELECT blob_key FROM files UNION SELECT blob_key FROM file_versions"
                    + " UNION SELECT p.blob_key FROM document_previews p JOIN files f ON f.id = p.file_id")
            .query(String.class)
            .list());
  }

  /** The local store's layout: blobs under two levels of shards, uploads in progress in tmp/. */
  private Map<String, Path> storedBlobs() throws IOException {
    var root = dataDir.resolve("blobs");
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(Files::isRegularFile)
          .filter(path -> !root.relativize(path).startsWith("tmp"))
          .collect(Collectors.toMap(path -> path.getFileName().toString(), path -> path));
    }
  }

  private long halfWritten() throws IOException {
    try (Stream<Path> files = Files.list(dataDir.resolve("blobs").resolve("tmp"))) {
      return files.count();
    }
  }

  private static JdbcClient jdbc(String url) {
    var source = new DriverManagerDataSource(url);
    if (url.startsWith("jdbc:postgresql:")) {
      source.setUsername("postgres");
      source.setPassword("postgres");
    }
    return JdbcClient.create(source);
  }
}
