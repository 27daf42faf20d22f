package dev.fileshare.resumable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.fileshare.files.TestPdfs;
import dev.fileshare.files.TestUsers;
import dev.fileshare.support.ApiTest;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 200 uploads whose clients went quiet in the middle of their bodies hold 200 requests inside the
 * server (each has claimed its upload, which the database shows); health and a normal upload still
 * answer at once.
 */
class SlowClientsIntegrationTests extends ApiTest {

  static final int SLOW = 200;

  @Autowired JdbcClient jdbc;

  @Test
  void slowUploadsDoNotStarveOtherRequests() throws Exception {
    var alice = TestUsers.verified(api, jdbc);
    var paths = new ArrayList<String>();
    for (var i = 0; i < SLOW; i++) {
      paths.add(TusCalls.create(api, alice.token(), 1_000_000, "slow.pdf"));
    }
    var sockets = new ArrayList<Socket>();
    try {
      for (var path : paths) {
        sockets.add(startSlowPatch(path, alice.token()));
      }
      await().atMost(Duration.ofSeconds(60)).until(() -> writing(paths) == SLOW);

      var started = System.nanoTime();
      assertThat(api.get("/actuator/health").send().status()).isEqualTo(200);
      var pdf = TestPdfs.pdf("prompt " + UUID.randomUUID());
      var upload =
          api.post("/api/files/?name=prompt.pdf")
              .token(alice.token())
              .body("application/pdf", pdf)
              .send();
      assertThat(upload.status()).as(upload.toString()).isEqualTo(201);
      assertThat(Duration.ofNanos(System.nanoTime() - started))
          .as("health and an upload beside %d slow uploads", SLOW)
          .isLessThan(Duration.ofSeconds(10));
      assertThat(writing(paths)).as("slow uploads still held").isEqualTo(SLOW);
    } finally {
      for (var socket : sockets) {
        socket.close();
      }
    }
  }

  /** Sends the headers and the first bytes of a PATCH of 1 MB, and then nothing. */
  private Socket startSlowPatch(String path, String token) throws IOException {
    var socket = new Socket("127.0.0.1", port);
    var head =
        "PATCH "
            + path
            + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Token "
            + token
            + "\r\nTus-Resumable: 1.0.0\r\nUpload-Offset: 0\r\nContent-Type: "
            + TusCalls.OCTETS
            + "\r\nContent-Length: 1000000\r\n\r\n%PDF-1.7\n";
    socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
    socket.getOutputStream().flush();
    return socket;
  }

  /** How many of the uploads a request is writing now. */
  private long writing(List<String> paths) {
    var ids = paths.stream().map(p -> p.substring(p.lastIndexOf('/') + 1)).toList();
    return jdbc.sql(
            "SELECT COUNT(*) FROM tus_uploads WHERE id IN (:ids) AND lock_token IS NOT NULL")
        .param("ids", ids)
        .query(Long.class)
        .single();
  }
}
