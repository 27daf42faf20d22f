package dev.fileshare.files;

import static dev.fileshare.files.FileCalls.created;
import static dev.fileshare.files.TrashCalls.blobKey;
import static dev.fileshare.files.TrashCalls.rowExists;
import static dev.fileshare.files.TrashCalls.storedBytes;
import static dev.fileshare.files.TrashCalls.trash;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.fileshare.storage.BlobStore;
import dev.fileshare.support.ApiTest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The job removes files for good once they have been in the trash for the retention, and leaves
 * younger ones. The retention is an hour here, and the test moves the server's clock past it.
 */
@TestPropertySource(
    properties = {"fileshare.trash.retention=1h", "fileshare.trash.purge-interval=200ms"})
class TrashRetentionIntegrationTests extends ApiTest {

  @Autowired JdbcClient jdbc;
  @Autowired BlobStore blobs;

  @Test
  void filesInTheTrashForLongerThanTheRetentionAreRemovedForGood() throws Exception {
    var alice = TestUsers.verified(api, jdbc);
    var old = created(api, alice.token(), "old.pdf", "users");
    var oldId = old.get("id").asLong();
    var oldKey = blobKey(jdbc, oldId);
    trash(api, alice.token(), oldId);

    clock.advance(Duration.ofMinutes(30));
    var young = created(api, alice.token(), "young.pdf", "users").get("id").asLong();
    trash(api, alice.token(), young);
    var before = storedBytes(jdbc, alice.username());
    clock.advance(Duration.ofMinutes(31));
    var listed = TrashCalls.list(api, alice.token()).get(0);
    assertThat(listed.get("id").asLong()).isEqualTo(young);
    assertThat(Instant.parse(listed.get("purge_at").asString()))
        .isEqualTo(Instant.parse(listed.get("deleted").asString()).plus(Duration.ofHours(1)));

    // The blob is deleted after the row's transaction has committed: wait for both.
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> !rowExists(jdbc, oldId) && !blobs.exists(oldKey));
    assertThat(storedBytes(jdbc, alice.username())).isEqualTo(before - old.get("size").asLong());
    await()
        .during(Duration.ofSeconds(1))
        .atMost(Duration.ofSeconds(3))
        .until(() -> rowExists(jdbc, young));
    assertThat(TrashCalls.ids(TrashCalls.list(api, alice.token()))).containsExactly(young);
    assertThat(TrashCalls.restore(api, alice.token(), young).status()).isEqualTo(200);
  }
}
