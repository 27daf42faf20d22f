package dev.fileshare.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.fileshare.support.Api;
import dev.fileshare.support.Node;
import dev.fileshare.support.S3TestServer;
import dev.fileshare.support.SignUp;
import dev.fileshare.support.StallingProxy;
import dev.fileshare.support.StallingProxy.Direction;
import dev.fileshare.support.TestPeers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The S3 store stalls (keeps its connections open and sends nothing) in the middle of an upload and
 * in the middle of a download, through a proxy between the server and S3Proxy. The upload answers
 * 503 within a bound instead of hanging, and leaves no multipart upload and no object behind once
 * swept; the download is cut off before its {@code Content-Length}, never passed as whole, with one
 * line in the log rather than stack traces; once the store answers again, everything acknowledged
 * downloads with its SHA-256. A store that is slow but keeps sending is waited for: a download that
 * takes longer than both timeouts arrives whole.
 */
@ExtendWith(OutputCaptureExtension.class)
class S3StallIntegrationTests {

  private static final Logger log = LoggerFactory.getLogger(S3StallIntegrationTests.class);
  private static final long MB = 1024 * 1024;

  /** The store's timeouts here; in production 30 s and 2 min. */
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(1);

  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(3);

  /** How fast the slow store is, each connection each way. */
  private static final long SLOW = 2 * MB;

  /**
   * From the stall to the answer: the part that stalled, then the abort of its upload, each bounded
   * by the request timeout, and some slack for a busy machine.
   */
  private static final Duration BOUND = REQUEST_TIMEOUT.multipliedBy(2).plusSeconds(3);

  @Test
  void aStallingStoreAnswers503CutsDownloadsShortAndLeavesNothingBehind(CapturedOutput output)
      throws Exception {
    assumeTrue("s3".equals(TestPeers.storage()), "the S3 run");
    var bucket = S3TestServer.newBucket();
    try (var proxy = new StallingProxy(S3TestServer.endpoint());
        var node = Node.start(settings(proxy, bucket))) {
      var api = node.api();
      var token = SignUp.verifiedUser(api, SignUp.newName("stall"));
      var acknowledged = new HashMap<Long, String>();
      var before = upload(api, token, TestPdfs.noisy("before the stall", 6 * MB), acknowledged);

      // mid-upload: the first part of 5 MB is stored, the second stalls halfway
      var pdf = TestPdfs.noisy("stalled upload", 7 * MB);
      proxy.stallAfter(Direction.UP, 6 * MB);
      var stalled =
          api.post("/api/files/?name=stalled.pdf").token(token).body("application/pdf", pdf).send();
      assertThat(proxy.stalled()).as("the store stalled mid-upload").isTrue();
      var uploadMillis = proxy.sinceStalled().toMillis();
      assertThat(stalled.status()).as(stalled.toString()).isEqualTo(503);
      assertThat(stalled.contentType()).isEqualTo("application/problem+json");
      assertThat(stalled.header("Retry-After")).isNotNull();
      assertThat(uploadMillis).isLessThan(BOUND.toMillis());
      proxy.resume();
      var leftBySweep = S3TestServer.unfinishedUploads(bucket);

      // mid-download: 1 MB of 6 goes through, then nothing
      proxy.stallAfter(Direction.DOWN, MB);
      var cut = download(node.port(), token, before);
      assertThat(proxy.stalled()).as("the store stalled mid-download").isTrue();
      var downloadMillis = proxy.sinceStalled().toMillis();
      assertThat(cut.status()).isEqualTo(200);
      assertThat(cut.received()).as("bytes before the connection closed").isLessThan(cut.length());
      assertThat(downloadMillis).isLessThan(BOUND.toMillis());
      proxy.resume();
      // one line says why, and no stack trace of an "unexpected" error
      assertThat(output.getAll())
          .contains("Download of file " + before + " cut after ")
          .doesNotContain("Unexpected error")
          .doesNotContain("Servlet.service()")
          .doesNotContain("Failure in @ExceptionHandler")
          .doesNotContain("Response already committed");

      // the store answers again: nothing is left that no row names, new uploads go through
      node.bean(OrphanSweeper.class).sweep();
      CrashChecks.awaitNoOrphans(bucket, JdbcClient.create(node.bean(DataSource.class)));
      upload(api, token, TestPdfs.noisy("after the stall", 6 * MB), acknowledged);
      for (var file : acknowledged.entrySet()) {
        var download = api.get("/api/download/" + file.getKey() + "/").token(token).send();
        assertThat(download.status()).isEqualTo(200);
        assertThat(sha256(download.bytes()))
            .as("file %d", file.getKey())
            .isEqualTo(file.getValue());
      }
      log.info(
          "S3 stall: upload answered 503 {} ms after the stall, download cut after {} of {} bytes"
              + " {} ms after the stall,"
              + " {} multipart upload(s) left for the sweep, 0 after it, {} files intact",
          uploadMillis,
          cut.received(),
          cut.length(),
          downloadMillis,
          leftBySweep,
          acknowledged.size());
    }
  }

  @Test
  void aSlowDownloadIsWaitedForAsLongAsBytesKeepComing() throws Exception {
    assumeTrue("s3".equals(TestPeers.storage()), "the S3 run");
    var bucket = S3TestServer.newBucket();
    try (var proxy = new StallingProxy(S3TestServer.endpoint());
        var node = Node.start(settings(proxy, bucket))) {
      var api = node.api();
      var token = SignUp.verifiedUser(api, SignUp.newName("slow"));
      var acknowledged = new HashMap<Long, String>();
      var id = upload(api, token, TestPdfs.noisy("slow store", 8 * MB), acknowledged);

      proxy.throttle(Direction.DOWN, SLOW);
      var started = System.nanoTime();
      var download = api.get("/api/download/" + id + "/").token(token).send();
      var downloadMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();

      assertThat(download.status()).isEqualTo(200);
      assertThat(sha256(download.bytes())).isEqualTo(acknowledged.get(id));
      // 8 MB at 2 MB/s: longer than the read timeout and than the request timeout, in one piece
      assertThat(downloadMillis).isGreaterThan(REQUEST_TIMEOUT.toMillis());
      log.info(
          "S3 slow at {} bytes/s: 8 MB downloaded whole in {} ms, read timeout {}, request timeout"
              + " {}",
          SLOW,
          downloadMillis,
          READ_TIMEOUT,
          REQUEST_TIMEOUT);
    }
  }

  private static Map<String, String> settings(StallingProxy proxy, String bucket) {
    var settings = new HashMap<>(Node.s3(bucket));
    settings.put("fileshare.storage.type", "s3");
    settings.put("fileshare.storage.s3.endpoint", proxy.endpoint().toString());
    settings.put("fileshare.storage.s3.part-size", "5MB");
    settings.put("fileshare.storage.s3.read-timeout", READ_TIMEOUT.toMillis() + "ms");
    settings.put("fileshare.storage.s3.request-timeout", REQUEST_TIMEOUT.toMillis() + "ms");
    // the test sweeps by itself when no upload is in flight, with a cutoff in the future: S3Proxy
    // gives a multipart upload's start as the time it is listed, so no earlier cutoff is after it
    settings.put("fileshare.storage.sweep-grace", "-1m");
    return settings;
  }

  private static long upload(Api api, String token, byte[] pdf, Map<Long, String> acknowledged) {
    var answer =
        api.post("/api/files/?name=big.pdf").token(token).body("application/pdf", pdf).send();
    assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
    var id = answer.json().get("id").asLong();
    acknowledged.put(id, sha256(pdf));
    return id;
  }

  record Cut(int status, long length, long received) {}

  /**
   * A download read off the socket, to tell a body cut off by a closed connection from a complete
   * one: the status, the announced length and how many bytes came before the connection closed.
   */
  private static Cut download(int port, String token, long id) throws IOException {
    try (var socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout((int) BOUND.toMillis());
      var request =
          "GET /api/download/"
              + id
              + "/ HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Token "
              + token
              + "\r\nConnection: close\r\n\r\n";
      socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      var in = socket.getInputStream();
      var head = new ByteArrayOutputStream();
      while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
        var b = in.read();
        if (b < 0) {
          throw new IOException("closed within the headers: " + head);
        }
        head.write(b);
      }
      var lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
      var status = Integer.parseInt(lines[0].split(" ")[1]);
      var length = -1L;
      for (var line : lines) {
        if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
          length = Long.parseLong(line.substring("content-length:".length()).trim());
        }
      }
      var received = 0L;
      var buffer = new byte[64 * 1024];
      try {
        for (var n = in.read(buffer); n >= 0; n = in.read(buffer)) {
          received += n;
        }
      } catch (java.net.SocketException reset) {
        // closed with a reset rather than a FIN: cut off all the same
      }
      return new Cut(status, length, received);
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
