package dev.fileshare.files;

import static dev.fileshare.files.VersionCalls.download;
import static dev.fileshare.files.VersionCalls.numbers;
import static dev.fileshare.files.VersionCalls.replaced;
import static dev.fileshare.files.VersionCalls.sha256;
import static dev.fileshare.files.VersionCalls.uploaded;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.quotas.QuotaService;
import dev.fileshare.shared.UserId;
import dev.fileshare.storage.BlobStore;
import dev.fileshare.support.BackgroundReads;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Versions count toward the owner's quota and are kept within the limits (here three versions, for
 * 30 days): the oldest go first, their bytes stop counting and their blobs are removed; the sweeper
 * never takes a version's blob.
 */
class VersionRetentionIntegrationTests extends VersionTest {

  @Autowired JdbcClient jdbc;
  @Autowired BlobStore blobs;
  @Autowired QuotaService quotas;
  @Autowired VersionRetention retention;
  @Autowired OrphanSweeper sweeper;
  TestUsers.User alice;
  UserId aliceId;

  @BeforeEach
  void signIn() {
    alice = TestUsers.verified(api, jdbc);
    aliceId =
        new UserId(
            jdbc.sql("SELECT id FROM users WHERE username_key = ?")
                .param(alice.username().toLowerCase(Locale.ROOT))
                .query(Long.class)
                .single());
  }

  @Test
  void aReplaceCountsTheNewBytesAndADeletedVersionStopsCounting() {
    var first = TestPdfs.pdf("first", 2);
    var second = TestPdfs.pdf("second", 4);
    var id = uploaded(api, alice.token(), first);
    var before = stored();

    replaced(api, alice.token(), id, second);
    assertThat(stored())
        .as("the new content counts, the old one too")
        .isEqualTo(before + second.length);

    assertThat(VersionCalls.restore(api, alice.token(), id, 1).status()).isEqualTo(200);
    assertThat(stored()).as("a restore swaps what counts").isEqualTo(before + second.length);

    assertThat(VersionCalls.delete(api, alice.token(), id, 2).status()).isEqualTo(204);
    assertThat(stored()).isEqualTo(before);
  }

  @Test
  void aFileKeepsItsNewestVersionsUpToTheLimit() throws IOException {
    var contents = new ArrayList<byte[]>();
    contents.add(TestPdfs.pdf("content 1"));
    var id = uploaded(api, alice.token(), contents.get(0));
    var before = stored();
    var keys = new ArrayList<String>();
    for (var i = 2; i <= 6; i++) {
      keys.add(currentKey(id));
      contents.add(TestPdfs.pdf("content " + i, i));
      replaced(api, alice.token(), id, contents.get(i - 1));
    }

    assertThat(numbers(api, alice.token(), id)).containsExactly(5L, 4L, 3L);
    for (var number = 3; number <= 5; number++) {
      var bytes = download(api, alice.token(), id, number).send().bytes();
      assertThat(sha256(bytes)).isEqualTo(sha256(contents.get(number - 1)));
    }
    assertThat(blobs.exists(keys.get(0))).as("blob of version 1").isFalse();
    assertThat(blobs.exists(keys.get(1))).as("blob of version 2").isFalse();
    assertThat(blobs.exists(keys.get(2))).as("blob of version 3").isTrue();
    var kept = sizes(contents.subList(2, 6));
    assertThat(stored()).isEqualTo(before - contents.get(0).length + kept);
  }

  @Test
  void versionsPastTheAgeLimitAreRemovedByTheJob() throws IOException {
    var old = TestPdfs.pdf("old", 3);
    var id = uploaded(api, alice.token(), old);
    var before = stored();
    replaced(api, alice.token(), id, TestPdfs.pdf("middle"));
    var oldKey =
        jdbc.sql("SELECT blob_key FROM file_versions WHERE file_id = ?")
            .param(id)
            .query(String.class)
            .single();
    clock.advance(Duration.ofDays(20));
    var newest = TestPdfs.pdf("newest", 2);
    replaced(api, alice.token(), id, newest);
    assertThat(numbers(api, alice.token(), id)).containsExactly(2L, 1L);

    clock.advance(Duration.ofDays(11));
    assertThat(retention.removeExpired()).isGreaterThanOrEqualTo(1);

    assertThat(numbers(api, alice.token(), id)).as("version 1 is 31 days old").containsExactly(2L);
    assertThat(blobs.exists(oldKey)).isFalse();
    var middle = TestPdfs.pdf("middle").length;
    assertThat(stored()).isEqualTo(before - old.length + middle + newest.length);
    assertThat(retention.removeExpired()).isZero();
  }

  @Test
  void theSweeperLeavesTheBlobsOfVersionsAlone() throws IOException {
    var first = TestPdfs.pdf("swept?", 2);
    var id = uploaded(api, alice.token(), first);
    replaced(api, alice.token(), id, TestPdfs.pdf("current"));

    BackgroundReads.awaitIdle(jdbc);
    clock.advance(Duration.ofHours(2));
    sweeper.sweep();

    var version = download(api, alice.token(), id, 1).send();
    assertThat(version.status()).isEqualTo(200);
    assertThat(version.bytes()).isEqualTo(first);
    FileCalls.assertStorageMatchesRows(blobs, jdbc);
  }

  private long stored() {
    return quotas.usage(aliceId).bytes();
  }

  private String currentKey(long id) {
    return jdbc.sql("SELECT blob_key FROM files WHERE id = ?")
        .param(id)
        .query(String.class)
        .single();
  }

  private static long sizes(List<byte[]> contents) {
    return contents.stream().mapToLong(bytes -> bytes.length).sum();
  }
}
