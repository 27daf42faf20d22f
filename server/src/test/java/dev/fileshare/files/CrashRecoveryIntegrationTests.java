package dev.fileshare.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.support.Api;
import dev.fileshare.support.Node;
import dev.fileshare.support.S3TestServer;
import dev.fileshare.support.TestPeers;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server, in a JVM of its own, is killed with {@code kill -9} while clients upload (multipart,
 * raw and resumable), replace and delete files, and started again, cycle after cycle. After each
 * restart every acknowledged file is there with the content last acknowledged (or the one in
 * flight), a deleted one is gone (or, if its deletion was in flight, still there), every file
 * touched in the cycle downloads with its SHA-256, and after a sweep no blob is left without a row
 * and no half-written upload remains. The suite runs one cycle of 4 clients on local disk; {@code
 * deploy/crash-cycles.sh} runs 20 cycles of 100 ({@code -Dcrash.cycles}, {@code -Dcrash.clients},
 * {@code -Dcrash.acknowledged} per cycle), also with the blobs in S3 ({@code -Dcrash.store=s3}:
 * S3Proxy in the test's JVM, which outlives the server's; some uploads then long enough to go
 * through a multipart upload, which the kill may leave unfinished).
 */
class CrashRecoveryIntegrationTests {

  private static final Logger log = LoggerFactory.getLogger(CrashRecoveryIntegrationTests.class);
  static final int CYCLES = Integer.getInteger("crash.cycles", 1);
  static final int CLIENTS = Integer.getInteger("crash.clients", 4);
  static final int PER_CYCLE = Integer.getInteger("crash.acknowledged", 40);
  static final boolean S3 = "s3".equals(System.getProperty("crash.store", "local"));

  /** In S3, one upload in ten is one of these: longer than a part, so a multipart upload. */
  static final List<byte[]> LONG_PDFS =
      S3
          ? java.util.stream.IntStream.range(0, 4)
              .mapToObj(i -> TestPdfs.noisy("long " + i, 6L * 1024 * 1024))
              .toList()
          : List.of();

  /** The content a deleted file may hold: none. */
  static final String GONE = "gone";

  @TempDir(cleanup = org.junit.jupiter.api.io.CleanupMode.ON_SUCCESS)
  Path dataDir;

  /** Per file id, the contents it may hold: the last acknowledged one and any still in flight. */
  final Map<Long, Set<String>> expected = new ConcurrentHashMap<>();

  /** Files touched in the current cycle: downloaded after the restart. */
  final Set<Long> touched = ConcurrentHashMap.newKeySet();

  final AtomicInteger acknowledged = new AtomicInteger();
  final AtomicInteger resumed = new AtomicInteger();
  final List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();

  @Test
  void killedDuringUploadsAndReplacementsLosesNothingAcknowledged() throws Exception {
    var postgres = "postgres".equals(TestPeers.database());
    var databaseUrl = postgres ? TestPeers.newPostgresDatabase() : null;
    var jdbc =
        CrashChecks.jdbc(postgres ? databaseUrl : "jdbc:sqlite:" + dataDir.resolve("fileshare.db"));
    var bucket = S3 ? S3TestServer.newBucket() : null;
    var store = S3 ? s3Settings(bucket) : List.<String>of();
    var restart = new ArrayList<>(store);
    restart.add("--fileshare.files.sweep-interval=1s");
    // S3Proxy gives a multipart upload's start as the time it is listed: only a cutoff in the
    // future takes one for abandoned
    restart.add("--fileshare.storage.sweep-grace=" + (S3 ? "-1m" : "0s"));
    var unfinished = 0;
    var server = new ServerProcess(dataDir, databaseUrl, store);
    var started = Instant.now();
    try {
      server.start();
      var user = TestUsers.verified(server.api(), jdbc);
      for (var cycle = 1; cycle <= CYCLES; cycle++) {
        touched.clear();
        var goal = acknowledged.get() + PER_CYCLE;
        var running = new AtomicBoolean(true);
        var clients = new ArrayList<Thread>();
        for (var i = 0; i < CLIENTS; i++) {
          var api = server.api();
          var client = new Thread(() -> work(api, user.token(), running));
          client.start();
          clients.add(client);
        }
        var deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (acknowledged.get() < goal && Instant.now().isBefore(deadline)) {
          Thread.sleep(20);
        }
        server.kill();
        running.set(false);
        for (var client : clients) {
          client.join();
        }
        if (S3) {
          unfinished += S3TestServer.unfinishedUploads(bucket);
        }
        assertThat(failures).isEmpty();
        assertThat(acknowledged.get())
            .as("acknowledged by cycle %d", cycle)
            .isGreaterThanOrEqualTo(goal);

        // restarted with a sweep at once, which only a server without uploads in flight may run
        server = new ServerProcess(dataDir, databaseUrl, restart);
        server.start();
        var files = assertEveryFileIsIntact(server.api(), user.token());
        if (S3) {
          CrashChecks.awaitNoOrphans(bucket, jdbc);
        } else {
          CrashChecks.awaitNoOrphans(dataDir, jdbc);
        }
        if (cycle < CYCLES) {
          server.stop();
          server = new ServerProcess(dataDir, databaseUrl, store);
          server.start();
        }
        log.info(
            "Crash cycle {} of {}: {} requests acknowledged so far, {} files, all intact, no orphans",
            cycle,
            CYCLES,
            acknowledged.get(),
            files);
      }
      log.info(
          "Crash cycles: {} kills under {} clients, {} requests acknowledged ({} of them"
              + " resumable uploads), 0 lost, {}, in {} s",
          CYCLES,
          CLIENTS,
          acknowledged.get(),
          resumed.get(),
          S3
              ? unfinished + " multipart uploads left unfinished by the kills, 0 after the sweeps"
              : "no half-written upload after the sweeps",
          Duration.between(started, Instant.now()).toSeconds());
    } finally {
      server.stop();
    }
  }

  /** The settings of a server that keeps its blobs in a bucket of {@link S3TestServer}. */
  private static List<String> s3Settings(String bucket) {
    var settings = new ArrayList<String>();
    settings.add("--fileshare.storage.type=s3");
    Node.s3(bucket).forEach((key, value) -> settings.add("--" + key + "=" + value));
    settings.add("--fileshare.storage.s3.part-size=5MB");
    return settings;
  }

  /** Uploads, replaces and deletes its own files until the server goes away. */
  private void work(Api api, String token, AtomicBoolean running) {
    var mine = new ArrayList<Long>();
    var random = ThreadLocalRandom.current();
    while (running.get()) {
      var content =
          S3 && random.nextInt(10) == 0
              ? LONG_PDFS.get(random.nextInt(LONG_PDFS.size()))
              : TestPdfs.pdf(UUID.randomUUID().toString(), 1 + random.nextInt(12));
      var sha = sha256(content);
      var choice = random.nextInt(10);
      try {
        if (mine.size() < 3 || choice < 4) {
          var id =
              switch (random.nextInt(3)) {
                case 0 -> created(FileCalls.upload(api, token, "crash.pdf", content));
                case 1 ->
                    created(
                        api.post("/api/files/?name=raw.pdf")
                            .token(token)
                            .body("application/pdf", content)
                            .send());
                default -> {
                  var made = resumable(api, token, content, random.nextBoolean());
                  resumed.incrementAndGet();
                  yield made;
                }
              };
          expected.put(id, Set.of(sha));
          touched.add(id);
          mine.add(id);
        } else if (choice < 9) {
          var id = mine.get(random.nextInt(mine.size()));
          maybe(id, sha);
          touched.add(id);
          var answer = FileCalls.replace(api, token, id, "replaced.pdf", content);
          assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
          expected.put(id, Set.of(sha));
        } else {
          var id = mine.remove(random.nextInt(mine.size()));
          maybe(id, GONE);
          var answer = api.call("DELETE", "/api/files/" + id + "/").token(token).send();
          assertThat(answer.status()).as(answer.toString()).isEqualTo(204);
          expected.put(id, Set.of(GONE));
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

  private static long created(Api.Answer answer) {
    assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
    return answer.json().get("id").asLong();
  }

  /**
   * A tus upload in one piece (its file takes the piece's blob over) or in two (copied into the
   * file's blob); answers the file its last piece made. A kill between the pieces leaves an upload
   * in progress, whose stored piece a row names.
   */
  private static long resumable(Api api, String token, byte[] content, boolean whole) {
    var name = Base64.getEncoder().encodeToString("resumed.pdf".getBytes(StandardCharsets.UTF_8));
    var created =
        api.post("/api/uploads/")
            .token(token)
            .header("Tus-Resumable", "1.0.0")
            .header("Upload-Length", Integer.toString(content.length))
            .header("Upload-Metadata", "filename " + name)
            .send();
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    var path = created.header("Location");
    var half = whole ? content.length : content.length / 2;
    Api.Answer last = null;
    for (var from : whole ? new int[] {0} : new int[] {0, half}) {
      var to = from == 0 ? half : content.length;
      last =
          api.call("PATCH", path)
              .token(token)
              .header("Tus-Resumable", "1.0.0")
              .header("Upload-Offset", Integer.toString(from))
              .body("application/offset+octet-stream", Arrays.copyOfRange(content, from, to))
              .send();
      assertThat(last.status()).as(last.toString()).isEqualTo(204);
    }
    return Long.parseLong(last.header("Fileshare-File-Id"));
  }

  /** Adds a content the file may hold if the request in flight went through. */
  private void maybe(long id, String content) {
    expected.compute(
        id,
        (key, before) -> {
          var both = new HashSet<>(before == null ? Set.<String>of() : before);
          both.add(content);
          return both;
        });
  }

  /** Checks every file against what was acknowledged; answers how many there are. */
  private int assertEveryFileIsIntact(Api api, String token) {
    var shas = new HashMap<Long, String>();
    var sizes = new HashMap<Long, Long>();
    var page = "/api/files/?owner=me&limit=200&cursor=";
    while (page != null) {
      var answer = api.get(page).token(token).send();
      assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
      for (var file : answer.json().values()) {
        shas.put(file.get("id").asLong(), file.get("sha256").asString());
        sizes.put(file.get("id").asLong(), file.get("size").asLong());
      }
      var link = answer.header("Link");
      page = link == null ? null : link.substring(link.indexOf("/api/"), link.indexOf('>'));
    }
    expected.forEach(
        (id, acceptable) -> {
          var found = shas.getOrDefault(id, GONE);
          assertThat(acceptable).as("content of file %d", id).contains(found);
        });
    for (var id : touched) {
      if (!shas.containsKey(id)) {
        continue;
      }
      var download = api.get("/api/download/" + id + "/").token(token).send();
      assertThat(download.status()).isEqualTo(200);
      assertThat(sha256(download.bytes())).as("file " + id).isEqualTo(shas.get(id));
      assertThat((long) download.bytes().length).isEqualTo(sizes.get(id));
    }
    // settle what was in flight: from here on each file holds what the server says
    shas.forEach((id, sha) -> expected.computeIfPresent(id, (key, before) -> Set.of(sha)));
    expected.replaceAll((id, acceptable) -> shas.containsKey(id) ? acceptable : Set.of(GONE));
    return shas.size();
  }

  private static String sha256(byte[] bytes) {
    try {
      return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
