package dev.fileshare.files;

import static dev.fileshare.files.VersionCalls.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.fileshare.support.Api;
import dev.fileshare.support.TestPeers;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server, in a JVM of its own, is killed with {@code kill -9} while some clients replace files
 * and others restore versions, and started again. Then each file holds, as its content and its
 * versions, every content acknowledged for it and at most the one in flight, each exactly once and
 * each downloading with its recorded SHA-256; its content is the last one acknowledged or the one
 * in flight; and after a sweep storage holds exactly the blobs that files and versions name.
 */
class VersionCrashIntegrationTests {

  static final List<String> KEEP_ALL = List.of("--fileshare.versions.max-count=1000");

  @TempDir Path dataDir;

  /** What a file must hold; each file is changed by one client only. */
  static final class Tracked {
    final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    volatile @Nullable String inFlight;
    volatile Set<String> current;

    Tracked(String first) {
      acknowledged.add(first);
      current = Set.of(first);
    }
  }

  final Map<Long, Tracked> files = new ConcurrentHashMap<>();
  final AtomicInteger replaces = new AtomicInteger();
  final AtomicInteger restores = new AtomicInteger();
  final List<Throwable> failures = new CopyOnWriteArrayList<>();

  @Test
  void killedDuringReplacesAndRestoresKeepsEveryFileAndVersionWhole() throws Exception {
    var postgres = "postgres".equals(TestPeers.database());
    var databaseUrl = postgres ? TestPeers.newPostgresDatabase() : null;
    var jdbc =
        CrashChecks.jdbc(postgres ? databaseUrl : "jdbc:sqlite:" + dataDir.resolve("fileshare.db"));
    var server = new ServerProcess(dataDir, databaseUrl, KEEP_ALL);
    try {
      server.start();
      var token = TestUsers.verified(server.api(), jdbc).token();
      var running = new AtomicBoolean(true);
      var workers = new ArrayList<Thread>();
      for (var i = 0; i < 4; i++) {
        var api = server.api();
        var restoring = i % 2 == 1;
        var mine = List.of(upload(api, token), upload(api, token), upload(api, token));
        workers.add(new Thread(() -> work(api, token, mine, restoring, running)));
      }
      workers.forEach(Thread::start);
      await()
          .atMost(Duration.ofSeconds(90))
          .until(() -> replaces.get() >= 20 && restores.get() >= 20 || !failures.isEmpty());
      server.kill();
      running.set(false);
      for (var worker : workers) {
        worker.join();
      }
      assertThat(failures).isEmpty();

      var arguments = new ArrayList<>(KEEP_ALL);
      arguments.addAll(
          List.of("--fileshare.storage.sweep-grace=0s", "--fileshare.files.sweep-interval=1s"));
      server = new ServerProcess(dataDir, databaseUrl, arguments);
      server.start();
      for (var file : files.entrySet()) {
        assertWhole(server.api(), token, file.getKey(), file.getValue());
      }
      CrashChecks.awaitNoOrphans(dataDir, jdbc);
    } finally {
      server.stop();
    }
  }

  private long upload(Api api, String token) {
    var content = TestPdfs.pdf(UUID.randomUUID().toString(), 2);
    var id = VersionCalls.uploaded(api, token, content);
    files.put(id, new Tracked(sha256(content)));
    for (var i = 0; i < 2; i++) {
      replace(api, token, id);
    }
    return id;
  }

  /** Replaces or restores (a version chosen at random) the client's files until the kill. */
  private void work(
      Api api, String token, List<Long> mine, boolean restoring, AtomicBoolean running) {
    var random = ThreadLocalRandom.current();
    try {
      while (running.get()) {
        var id = mine.get(random.nextInt(mine.size()));
        if (restoring) {
          restore(api, token, id, random);
          restores.incrementAndGet();
        } else {
          replace(api, token, id);
          replaces.incrementAndGet();
        }
      }
    } catch (UncheckedIOException serverGone) {
      // killed: the request in flight is unacknowledged
    } catch (RuntimeException | AssertionError e) {
      failures.add(e);
    }
  }

  private void replace(Api api, String token, long id) {
    var tracked = files.get(id);
    var content =
        TestPdfs.pdf(UUID.randomUUID().toString(), 1 + ThreadLocalRandom.current().nextInt(8));
    var sha = sha256(content);
    tracked.inFlight = sha;
    tracked.current = union(tracked.current, sha);
    var answer = FileCalls.replace(api, token, id, "replaced.pdf", content);
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    tracked.acknowledged.add(sha);
    tracked.current = Set.of(sha);
    tracked.inFlight = null;
  }

  private void restore(Api api, String token, long id, ThreadLocalRandom random) {
    var tracked = files.get(id);
    var versions = VersionCalls.versions(api, token, id);
    var chosen = versions.get(random.nextInt(versions.size()));
    tracked.current = union(tracked.current, chosen.get("sha256").asString());
    var answer = VersionCalls.restore(api, token, id, chosen.get("number").asLong());
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    assertThat(answer.json().get("sha256").asString()).isEqualTo(chosen.get("sha256").asString());
    tracked.current = Set.of(chosen.get("sha256").asString());
  }

  /** The file's content and versions: whole, each once, nothing acknowledged lost. */
  private static void assertWhole(Api api, String token, long id, Tracked tracked) {
    var file = api.get("/api/files/" + id + "/").token(token).send().json();
    var current = file.get("sha256").asString();
    assertThat(tracked.current).as("content of file %d", id).contains(current);
    assertDownloads(api, token, "/api/download/" + id + "/", current, file.get("size").asLong());
    var held = new ArrayList<String>();
    held.add(current);
    for (var version : VersionCalls.versions(api, token, id)) {
      var sha = version.get("sha256").asString();
      assertThat(version.get("number").asLong()).isLessThan(file.get("version").asLong());
      assertDownloads(
          api,
          token,
          version.get("download").asString().replaceFirst("^https?://[^/]+", ""),
          sha,
          version.get("size").asLong());
      held.add(sha);
    }
    assertThat(new HashSet<>(held)).as("contents of file %d, each once", id).hasSameSizeAs(held);
    assertThat(held).as("contents of file %d", id).containsAll(tracked.acknowledged);
    var possible = new HashSet<>(tracked.acknowledged);
    if (tracked.inFlight != null) {
      possible.add(tracked.inFlight);
    }
    assertThat(possible).as("contents file %d may hold", id).containsAll(held);
  }

  private static void assertDownloads(Api api, String token, String path, String sha, long size) {
    var download = api.get(path).token(token).send();
    assertThat(download.status()).as(path).isEqualTo(200);
    assertThat(sha256(download.bytes())).as(path).isEqualTo(sha);
    assertThat((long) download.bytes().length).as(path).isEqualTo(size);
  }

  private static Set<String> union(Set<String> set, String more) {
    var both = new HashSet<>(set);
    both.add(more);
    return Set.copyOf(both);
  }
}
