package dev.fileshare.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.storage.BlobStore;
import dev.fileshare.support.Api;
import dev.fileshare.support.BackgroundReads;
import dev.fileshare.support.IntegrationTest;
import dev.fileshare.support.MutableClock;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The sweeper removes blobs no file refers to once they are old enough, and nothing else. */
@IntegrationTest
class OrphanSweeperIntegrationTests {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired BlobStore blobs;
  @Autowired OrphanSweeper sweeper;
  @Autowired MutableClock clock;

  @Test
  void removesOnlyOldOrphans() throws Exception {
    var api = new Api(port);
    var alice = TestUsers.verified(api, jdbc);
    var kept = FileCalls.upload(api, alice.token(), "kept.pdf", TestPdfs.pdf("kept"));
    var orphan = blobs.store(new ByteArrayInputStream(TestPdfs.pdf("orphan")), 1 << 20).key();
    try {
      sweeper.sweep();
      assertThat(blobs.exists(orphan)).as("younger than the grace period").isTrue();

      BackgroundReads.awaitIdle(jdbc);
      clock.advance(Duration.ofHours(2));
      assertThat(sweeper.sweep()).isGreaterThanOrEqualTo(1);
      assertThat(blobs.exists(orphan)).isFalse();
      var download =
          api.get("/api/download/" + kept.json().get("id").asLong() + "/")
              .token(alice.token())
              .send();
      assertThat(download.status()).isEqualTo(200);
      FileCalls.assertStorageMatchesRows(blobs, jdbc);
    } finally {
      clock.reset();
    }
  }
}
