package dev.fileshare.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.files.TestPdfs;
import dev.fileshare.support.Api;
import dev.fileshare.support.Node;
import dev.fileshare.support.SignUp;
import dev.fileshare.support.TestPeers;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * PostgreSQL stopped and started again while clients upload, list and download: every request gets
 * an answer within a bound (no hang), an answer that is a success or a 503 problem with Retry-After
 * (never a 500), readiness goes down and comes back, and every upload that was acknowledged is
 * there afterwards with its SHA-256; the background tasks that fail meanwhile say so in a line, not
 * a stack trace at every run. Runs in the PostgreSQL run of the suite.
 */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseOutageIntegrationTests {

  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(DatabaseOutageIntegrationTests.class);

  /** The longest any request may take while the database is away. */
  private static final Duration BOUND = Duration.ofSeconds(15);

  record Answer(String what, int status, String contentType, long millis) {}

  @Test
  void requestsAnswer503WhileTheDatabaseIsAwayAndNothingAcknowledgedIsLost(CapturedOutput output)
      throws Exception {
    Assumptions.assumeTrue("postgres".equals(TestPeers.database()), "PostgreSQL run only");
    var pgData = Files.createTempDirectory("fileshare-pg-outage-");
    var port = TestPeers.freePort();
    var postgres = start(pgData, port);
    try (var connection = postgres.getPostgresDatabase().getConnection();
        var statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE fileshare");
    }
    var url = postgres.getJdbcUrl("postgres", "fileshare");
    var settings = new java.util.HashMap<>(Node.postgres(url));
    settings.put("fileshare.data-dir", Files.createTempDirectory("fileshare-outage-").toString());
    try (var node = Node.start(settings)) {
      var api = node.api();
      var token = SignUp.verifiedUser(api, SignUp.newName("alice"));
      var acknowledged = new ConcurrentHashMap<Long, String>();
      var answers = new CopyOnWriteArrayList<Answer>();
      var running = new AtomicBoolean(true);
      var uploads = new AtomicLong();
      var clients = new ArrayList<Thread>();
      for (var i = 0; i < 3; i++) {
        clients.add(
            new Thread(() -> load(node.port(), token, running, uploads, acknowledged, answers)));
      }
      clients.forEach(Thread::start);
      Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> acknowledged.size() >= 10);

      postgres.close();
      var readinessDown =
          Awaitility.await()
              .atMost(BOUND)
              .until(() -> api.get("/actuator/health/readiness").send().status(), s -> s == 503);
      var before = answers.size();
      Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> answers.size() >= before + 6);
      // the mail worker polls every two seconds: its failures are a line, not a stack trace each
      Awaitility.await()
          .atMost(BOUND)
          .until(() -> output.getAll().contains("Background tasks cannot run"));

      postgres = start(pgData, port);
      Awaitility.await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> api.get("/actuator/health/readiness").send().status(), s -> s == 200);
      var afterOutage = acknowledged.size();
      Awaitility.await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> acknowledged.size() >= afterOutage + 10);
      running.set(false);
      for (var client : clients) {
        client.join();
      }

      assertThat(output.getAll()).doesNotContain("Unexpected error occurred in scheduled task");
      // nor is the document workers' polling (the pool may name a broken connection's holder)
      assertThat(
              output
                  .getAll()
                  .lines()
                  .filter(line -> line.contains(" ERROR ") && line.contains("DocumentWorkerPool")))
          .as("errors logged by the document workers")
          .isEmpty();
      log.info(
          "Database outage: {} answers ({} of them 503), slowest {} ms, {} uploads acknowledged",
          answers.size(),
          answers.stream().filter(a -> a.status() == 503).count(),
          answers.stream().mapToLong(Answer::millis).max().orElse(0),
          acknowledged.size());
      assertThat(readinessDown).isEqualTo(503);
      assertThat(answers)
          .as("answers while the database was away")
          .anyMatch(a -> a.status() == 503);
      for (var answer : answers) {
        assertThat(answer.status()).as(answer.toString()).isIn(200, 201, 503);
        assertThat(answer.millis()).as(answer.toString()).isLessThan(BOUND.toMillis());
        if (answer.status() == 503) {
          assertThat(answer.contentType())
              .as(answer.toString())
              .isEqualTo("application/problem+json");
        }
      }
      for (var file : acknowledged.entrySet()) {
        var download = api.get("/api/download/" + file.getKey() + "/").token(token).send();
        assertThat(download.status()).as("acknowledged file %d", file.getKey()).isEqualTo(200);
        assertThat(sha256(download.bytes())).isEqualTo(file.getValue());
      }
    } finally {
      postgres.close();
    }
  }

  /** Uploads, lists and downloads in turn until told to stop, recording every answer. */
  private static void load(
      int port,
      String token,
      AtomicBoolean running,
      AtomicLong uploads,
      Map<Long, String> acknowledged,
      List<Answer> answers) {
    var api = new Api(port);
    while (running.get()) {
      var n = uploads.incrementAndGet();
      var pdf = TestPdfs.pdf("during the outage " + n);
      var started = System.nanoTime();
      var upload =
          api.post("/api/files/?name=outage-" + n + ".pdf")
              .token(token)
              .body("application/pdf", pdf)
              .send();
      answers.add(answer("upload", upload, started));
      if (upload.status() == 201) {
        acknowledged.put(upload.json().get("id").asLong(), sha256(pdf));
      }
      started = System.nanoTime();
      answers.add(answer("list", api.get("/api/files/?limit=5").token(token).send(), started));
      var some = acknowledged.keySet().stream().findAny();
      if (some.isPresent()) {
        started = System.nanoTime();
        var download = api.get("/api/download/" + some.get() + "/").token(token).send();
        answers.add(answer("download", download, started));
      }
      if (upload.status() == 503) {
        try {
          Thread.sleep(200);
        } catch (InterruptedException e) {
          return;
        }
      }
    }
  }

  private static Answer answer(String what, Api.Answer answer, long started) {
    return new Answer(
        what,
        answer.status(),
        answer.contentType(),
        Duration.ofNanos(System.nanoTime() - started).toMillis());
  }

  private static EmbeddedPostgres start(Path data, int port) throws Exception {
    return EmbeddedPostgres.builder()
        .setDataDirectory(data)
        .setCleanDataDirectory(false)
        .setPort(port)
        .start();
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
