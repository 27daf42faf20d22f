package dev.fileshare.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.support.Api;
import dev.fileshare.support.TestPeers;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server, in a JVM of its own, is killed with {@code kill -9} while uploads and replacements
 * are running, and started again. Then every listed file downloads with its recorded SHA-256, every
 * acknowledged upload is there with the content last acknowledged (or the one in flight), and after
 * a sweep no blob is left without a file and no half-written upload remains.
 */
class CrashRecoveryIntegrationTests {

  static final int WORKERS = 4;

  @TempDir Path dataDir;

  /** Per file id, the contents it may hold: the last acknowledged one and any still in flight. */
  final Map<Long, Set<String>> expected = new ConcurrentHashMap<>();

  final AtomicInteger acknowledged = new AtomicInteger();
  final List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();

  @Test
  void killedDuringUploadsAndReplacementsLosesNothingAcknowledged() throws Exception {
    var postgres = "postgres".equals(TestPeers.database());
    var databaseUrl = postgres ? TestPeers.newPostgresDatabase() : null;
    var jdbc =
        CrashChecks.jdbc(postgres ? databaseUrl : "jdbc:sqlite:" + dataDir.resolve("fileshare.db"));
    var server = new ServerProcess(dataDir, databaseUrl, List.of());
    try {
      server.start();
      var user = TestUsers.verified(server.api(), jdbc);
      var running = new AtomicBoolean(true);
      var workers = new ArrayList<Thread>();
      for (var i = 0; i < WORKERS; i++) {
        var api = server.api();
        var worker = new Thread(() -> work(api, user.token(), running));
        worker.start();
        workers.add(worker);
      }
      var deadline = Instant.now().plus(Duration.ofSeconds(60));
      while (acknowledged.get() < 40 && Instant.now().isBefore(deadline)) {
        Thread.sleep(50);
      }
      server.kill();
      running.set(false);
      for (var worker : workers) {
        worker.join();
      }
      assertThat(failures).isEmpty();
      assertThat(acknowledged.get()).isGreaterThanOrEqualTo(40);

      server =
          new ServerProcess(
              dataDir,
              databaseUrl,
              List.of("--fileshare.storage.sweep-grace=0s", "--fileshare.files.sweep-interval=1s"));
      server.start();
      assertEveryFileIsIntact(server.api(), user.token());
      CrashChecks.awaitNoOrphans(dataDir, jdbc);
    } finally {
      server.stop();
    }
  }

  /** Uploads and replaces its own files until the server goes away. */
  private void work(Api api, String token, AtomicBoolean running) {
    var mine = new ArrayList<Long>();
    var random = ThreadLocalRandom.current();
    while (running.get()) {
      var content = TestPdfs.pdf(UUID.randomUUID().toString(), 1 + random.nextInt(12));
      var sha = sha256(content);
      try {
        if (mine.size() < 3 || random.nextBoolean()) {
          var answer = FileCalls.upload(api, token, "crash.pdf", content);
          assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
          var id = answer.json().get("id").asLong();
          expected.put(id, Set.of(sha));
          mine.add(id);
        } else {
          var id = mine.get(random.nextInt(mine.size()));
          var before = expected.get(id);
          var both = new HashSet<>(before);
          both.add(sha);
          expected.put(id, both);
          var form = new Multipart().pdf("replaced.pdf", content);
          var answer =
              api.call("PUT", "/api/files/" + id + "/")
                  .token(token)
                  .body(form.contentType(), form.bytes())
                  .send();
          assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
          expected.put(id, Set.of(sha));
        }
        acknowledged.incrementAndGet();
      } catch (UncheckedIOException serverGone) {
        return; // killed: this request is unacknowledged
      } catch (RuntimeException | AssertionError e) {
        failures.add(e);
        return;
      }
    }
  }

  private void assertEveryFileIsIntact(Api api, String token) {
    var listed = api.get("/api/files/?owner=me&limit=1000").token(token).send().json();
    var shas = new ConcurrentHashMap<Long, String>();
    for (var file : listed.get("results").values()) {
      var id = file.get("id").asLong();
      var download = api.get("/api/download/" + id + "/").token(token).send();
      assertThat(download.status()).isEqualTo(200);
      assertThat(sha256(download.bytes()))
          .as("file " + id)
          .isEqualTo(file.get("sha256").asString());
      assertThat((long) download.bytes().length).isEqualTo(file.get("size").asLong());
      shas.put(id, file.get("sha256").asString());
    }
    expected.forEach(
        (id, acceptable) -> {
          assertThat(shas).as("acknowledged file " + id).containsKey(id);
          assertThat(acceptable).as("content of file " + id).contains(shas.get(id));
        });
  }

  private static String sha256(byte[] bytes) {
    try {
      return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
