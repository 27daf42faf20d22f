package dev.fileshare.resumable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.fileshare.files.TestPdfs;
import dev.fileshare.files.TestUsers;
import dev.fileshare.storage.BlobStore;
import dev.fileshare.support.ApiTest;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** One writer at a time, termination, and expiry. */
class TusLifecycleIntegrationTests extends ApiTest {

  @Autowired JdbcClient jdbc;
  @Autowired BlobStore blobs;
  @Autowired ExpiredUploadSweeper sweeper;
  TestUsers.User alice;
  byte[] pdf;

  @BeforeEach
  void signIn() {
    alice = TestUsers.verified(api, jdbc);
    pdf = TestPdfs.pdf("lifecycle " + UUID.randomUUID(), 10);
  }

  @Test
  void aSecondWriterIsRefusedWhileTheFirstWrites() throws Exception {
    var path = TusCalls.create(api, alice.token(), pdf.length, "a.pdf");
    try (var socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(30_000);
      var out = socket.getOutputStream();
      var head =
          "PATCH "
              + path
              + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Token "
              + alice.token()
              + "\r\nTus-Resumable: 1.0.0\r\nUpload-Offset: 0\r\nContent-Type: "
              + TusCalls.OCTETS
              + "\r\nContent-Length: 2000\r\nConnection: close\r\n\r\n";
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      out.write(pdf, 0, 1000);
      out.flush();
      await().atMost(Duration.ofSeconds(10)).until(() -> lockToken(path) != null);

      var second = TusCalls.patch(api, alice.token(), path, 0, part(0, 500)).send();
      assertThat(second.status()).isEqualTo(423);
      var deleted =
          api.call("DELETE", path).token(alice.token()).header("Tus-Resumable", "1.0.0").send();
      assertThat(deleted.status()).isEqualTo(423);

      out.write(pdf, 1000, 1000);
      out.flush();
      var answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
      assertThat(answer).startsWith("HTTP/1.1 204").contains("Upload-Offset: 2000");
    }
    assertThat(TusCalls.patch(api, alice.token(), path, 0, part(0, 500)).send().status())
        .isEqualTo(409);
    assertThat(pieceKeys(path)).hasSize(1);
  }

  @Test
  void terminationRemovesTheUploadAndItsPieces() throws IOException {
    var path = TusCalls.create(api, alice.token(), pdf.length, "a.pdf");
    TusCalls.patch(api, alice.token(), path, 0, part(0, 3000)).send();
    var keys = pieceKeys(path);
    assertThat(keys).hasSize(1);

    var answer =
        api.call("DELETE", path).token(alice.token()).header("Tus-Resumable", "1.0.0").send();
    assertThat(answer.status()).isEqualTo(204);
    assertThat(TusCalls.head(api, alice.token(), path).status()).isEqualTo(404);
    assertThat(blobs.exists(keys.get(0))).isFalse();
  }

  @Test
  void expiredUploadsAreGoneAndSwept() throws IOException {
    var path = TusCalls.create(api, alice.token(), pdf.length, "a.pdf");
    var head = TusCalls.head(api, alice.token(), path);
    assertThat(head.header("Upload-Expires")).endsWith("GMT");
    TusCalls.patch(api, alice.token(), path, 0, part(0, 3000)).send();
    var keys = pieceKeys(path);

    clock.advance(Duration.ofHours(25));
    assertThat(TusCalls.head(api, alice.token(), path).status()).isEqualTo(404);
    assertThat(sweeper.sweep()).isGreaterThanOrEqualTo(1);
    assertThat(uploadRows(path)).isZero();
    assertThat(blobs.exists(keys.get(0))).isFalse();
  }

  @Test
  void aFreshUploadOutlivesTheSweep() {
    var path = TusCalls.create(api, alice.token(), pdf.length, "a.pdf");
    TusCalls.patch(api, alice.token(), path, 0, part(0, 3000)).send();
    clock.advance(Duration.ofHours(23));
    sweeper.sweep();
    assertThat(TusCalls.head(api, alice.token(), path).header("Upload-Offset")).isEqualTo("3000");
  }

  private byte[] part(int from, int to) {
    return Arrays.copyOfRange(pdf, from, to);
  }

  private static String id(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  private String lockToken(String path) {
    return jdbc.sql("SELECT lock_token FROM tus_uploads WHERE id = ?")
        .param(id(path))
        .query(String.class)
        .optional()
        .orElse(null);
  }

  private List<String> pieceKeys(String path) {
    return jdbc.sql("SELECT blob_key FROM tus_pieces WHERE upload_id = ?")
        .param(id(path))
        .query(String.class)
        .list();
  }

  private long uploadRows(String path) {
    return jdbc.sql("SELECT COUNT(*) FROM tus_uploads WHERE id = ?")
        .param(id(path))
        .query(Long.class)
        .single();
  }
}
