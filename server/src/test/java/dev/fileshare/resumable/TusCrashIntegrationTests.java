package dev.fileshare.resumable;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.files.ServerProcess;
import dev.fileshare.files.TestPdfs;
import dev.fileshare.files.TestUsers;
import dev.fileshare.support.TestPeers;
import io.tus.java.client.ProtocolException;
import io.tus.java.client.TusClient;
import io.tus.java.client.TusURLMemoryStore;
import io.tus.java.client.TusURLStore;
import io.tus.java.client.TusUpload;
import io.tus.java.client.TusUploader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The server, in a JVM of its own, is killed with {@code kill -9} in the middle of a tus upload and
 * started again; the client resumes from what was stored and the file has the right SHA-256.
 */
class TusCrashIntegrationTests {

  static final int CHUNK = 64 * 1024;
  static final int PER_REQUEST = 256 * 1024;
  static final long KILL_AT = 600 * 1024;

  @TempDir Path dataDir;

  @Test
  void killedMidUploadResumesWhereTheStoredBytesEnd() throws Exception {
    var postgres = "postgres".equals(TestPeers.database());
    var databaseUrl = postgres ? TestPeers.newPostgresDatabase() : null;
    var jdbc = jdbc(postgres ? databaseUrl : "jdbc:sqlite:" + dataDir.resolve("fileshare.db"));
    var content = TestPdfs.pdf("crash " + UUID.randomUUID(), 450);
    assertThat((long) content.length).isGreaterThan(2 * KILL_AT);
    var file = dataDir.resolve("upload.pdf");
    Files.write(file, content);
    var fingerprint = UUID.randomUUID().toString();
    var urls = new TusURLMemoryStore();
    var server = new ServerProcess(dataDir, databaseUrl, List.of("--fileshare.uploads.lease=3s"));
    try {
      server.start();
      var user = TestUsers.verified(server.api(), jdbc);
      var killer = server;
      var input =
          new KillingInput(
              Files.newInputStream(file),
              () -> {
                try {
                  killer.kill();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              });
      var uploader =
          client(server, user.token(), urls)
              .resumeOrCreateUpload(upload(input, fingerprint, content.length));
      uploader.setChunkSize(CHUNK);
      uploader.setRequestPayloadSize(PER_REQUEST);
      try {
        while (uploader.uploadChunk() > -1) {
          // until the server is gone
        }
        uploader.finish();
        throw new AssertionError("the upload finished although the server was killed");
      } catch (IOException | ProtocolException expected) {
        assertThat(input.killed).isTrue();
      }

      server.start();
      // the killed server's hold on the upload lasts until its lease ends: meanwhile the server
      // answers 423, which tus clients retry, as this loop does
      var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      TusUploader resumed = null;
      while (resumed == null) {
        try (var again = Files.newInputStream(file)) {
          var next =
              client(server, user.token(), urls)
                  .resumeOrCreateUpload(upload(again, fingerprint, content.length));
          assertThat(next.getOffset()).as("resumed, not started again").isPositive();
          assertThat(next.getOffset()).isLessThanOrEqualTo(KILL_AT);
          next.setChunkSize(CHUNK);
          next.setRequestPayloadSize(PER_REQUEST);
          while (next.uploadChunk() > -1) {
            // the rest
          }
          next.finish();
          resumed = next;
        } catch (ProtocolException e) {
          assertThat(e.shouldRetry()).as(e.getMessage()).isTrue();
          assertThat(System.nanoTime()).as("retried for 30 s").isLessThan(deadline);
          Thread.sleep(500);
        }
      }
      var api = server.api();
      var head = TusCalls.head(api, user.token(), resumed.getUploadURL().getPath());
      var id = head.header("Fileshare-File-Id");
      assertThat(id).as(head.toString()).isNotNull();
      var download = api.get("/api/download/" + id + "/").token(user.token()).send();
      assertThat(TusCalls.sha256(download.bytes())).isEqualTo(TusCalls.sha256(content));
    } finally {
      server.stop();
    }
  }

  private static TusClient client(ServerProcess server, String token, TusURLStore urls)
      throws IOException {
    var client = new TusClient();
    client.setUploadCreationURL(new URL(server.api().base() + "/api/uploads/"));
    client.enableResuming(urls);
    client.setHeaders(Map.of("Authorization", "Token " + token));
    return client;
  }

  private static TusUpload upload(InputStream input, String fingerprint, long size) {
    var upload = new TusUpload();
    upload.setInputStream(input);
    upload.setSize(size);
    upload.setFingerprint(fingerprint);
    upload.setMetadata(Map.of("filename", "crash.pdf"));
    return upload;
  }

  private static JdbcClient jdbc(String url) {
    var source = new DriverManagerDataSource(url);
    if (url.startsWith("jdbc:postgresql:")) {
      source.setUsername("postgres");
      source.setPassword("postgres");
    }
    return JdbcClient.create(source);
  }

  /** Hands the bytes on, and kills the server once {@link #KILL_AT} bytes were read. */
  static final class KillingInput extends FilterInputStream {

    private final Runnable kill;
    private long read;
    volatile boolean killed;

    KillingInput(InputStream in, Runnable kill) {
      super(in);
      this.kill = kill;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      var n = super.read(buffer, offset, length);
      read += Math.max(0, n);
      if (!killed && read >= KILL_AT) {
        killed = true;
        kill.run();
      }
      return n;
    }
  }
}
