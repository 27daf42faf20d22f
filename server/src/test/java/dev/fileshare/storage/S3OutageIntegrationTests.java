package dev.fileshare.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.files.TestPdfs;
import dev.fileshare.support.Api;
import dev.fileshare.support.Node;
import dev.fileshare.support.S3TestServer;
import dev.fileshare.support.SignUp;
import dev.fileshare.support.TestPeers;
import java.net.URI;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The S3 store stops answering and comes back while clients upload and download: every request gets
 * an answer within a bound, a success or a 503 problem (never a 500, never a download cut short
 * that looks complete), and every upload that was acknowledged is there afterwards with its
 * SHA-256.
 */
class S3OutageIntegrationTests {

  private static final Logger log = LoggerFactory.getLogger(S3OutageIntegrationTests.class);
  private static final Duration BOUND = Duration.ofSeconds(30);

  record Answer(String what, int status, String contentType, long millis) {}

  @Test
  void requestsAnswer503WhileTheStoreIsAwayAndNothingAcknowledgedIsLost() throws Exception {
    // the database plays no part here: the SQLite run is enough
    org.junit.jupiter.api.Assumptions.assumeTrue("sqlite".equals(TestPeers.database()));
    BlobStore backend =
        ContextBuilder.newBuilder("transient")
            .credentials("identity", "credential")
            .build(BlobStoreContext.class)
            .getBlobStore();
    backend.createContainerInLocation(null, "outage");
    var port = TestPeers.freePort();
    var proxy = start(backend, port);
    var settings = new HashMap<String, String>();
    settings.put(
        "fileshare.data-dir", Files.createTempDirectory("fileshare-s3-outage-").toString());
    settings.put("fileshare.storage.type", "s3");
    settings.put("fileshare.storage.s3.endpoint", "http://127.0.0.1:" + port);
    settings.put("fileshare.storage.s3.bucket", "outage");
    settings.put("fileshare.storage.s3.access-key", S3TestServer.ACCESS_KEY);
    settings.put("fileshare.storage.s3.secret-key", S3TestServer.SECRET_KEY);
    settings.put("fileshare.storage.s3.path-style", "true");
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

      proxy.stop();
      var before = answers.size();
      Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> answers.size() >= before + 9);
      var outage = new ArrayList<>(answers.subList(before, answers.size()));

      proxy = start(backend, port);
      var afterOutage = acknowledged.size();
      Awaitility.await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> acknowledged.size() >= afterOutage + 10);
      running.set(false);
      for (var client : clients) {
        client.join();
      }

      log.info(
          "S3 outage: {} answers ({} of them 503, {} downloads cut), slowest {} ms,"
              + " {} uploads acknowledged",
          answers.size(),
          answers.stream().filter(a -> a.status() == 503).count(),
          answers.stream().filter(a -> a.status() == 0).count(),
          answers.stream().mapToLong(Answer::millis).max().orElse(0),
          acknowledged.size());
      assertThat(outage).as("answers while the store was away").anyMatch(a -> a.status() == 503);
      for (var answer : answers) {
        assertThat(answer.status()).as(answer.toString()).isIn(0, 200, 201, 503);
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
      proxy.stop();
    }
  }

  /** Uploads and downloads in turn until told to stop, recording every answer. */
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
      var pdf = TestPdfs.pdf("while the store may be away " + n);
      var started = System.nanoTime();
      var upload =
          api.post("/api/files/?name=s3-" + n + ".pdf")
              .token(token)
              .body("application/pdf", pdf)
              .send();
      answers.add(answer("upload", upload, started));
      if (upload.status() == 201) {
        acknowledged.put(upload.json().get("id").asLong(), sha256(pdf));
      }
      var some = acknowledged.entrySet().stream().findAny();
      if (some.isPresent()) {
        started = System.nanoTime();
        try {
          var download = api.get("/api/download/" + some.get().getKey() + "/").token(token).send();
          answers.add(answer("download", download, started));
          if (download.status() == 200 && !sha256(download.bytes()).equals(some.get().getValue())) {
            answers.add(new Answer("download with other bytes", -2, "", 0));
          }
        } catch (java.io.UncheckedIOException cut) {
          // the store went away after the answer began: the connection is closed before the
          // announced length, which the client sees, instead of a short body passed as complete
          answers.add(new Answer("download cut", 0, "", millis(started)));
        }
      }
      if (upload.status() != 201) {
        try {
          Thread.sleep(200);
        } catch (InterruptedException e) {
          return;
        }
      }
    }
  }

  private static Answer answer(String what, Api.Answer answer, long started) {
    return new Answer(what, answer.status(), answer.contentType(), millis(started));
  }

  private static long millis(long started) {
    return Duration.ofNanos(System.nanoTime() - started).toMillis();
  }

  private static S3Proxy start(BlobStore backend, int port) throws Exception {
    var proxy =
        S3Proxy.builder()
            .blobStore(backend)
            .endpoint(URI.create("http://127.0.0.1:" + port))
            .awsAuthentication(
                AuthenticationType.AWS_V2_OR_V4, S3TestServer.ACCESS_KEY, S3TestServer.SECRET_KEY)
            .build();
    proxy.start();
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> "STARTED".equals(proxy.getState()));
    return proxy;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
