package dev.fileshare.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.storage.BlobStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What storage holds, compared with what the database names. */
public final class StoredBlobs {

  private StoredBlobs() {}

  /**
   * Every blob belongs to a file, a version of one, a piece of an upload in progress or a preview:
   * refusals left nothing.
   */
  public static void assertNoBlobLeft(BlobStore blobs, JdbcClient jdbc) {
    // the background job writes a preview's blob a moment before its row: wait for it to settle
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(60))
        .untilAsserted(() -> compare(blobs, jdbc));
  }

  private static void compare(BlobStore blobs, JdbcClient jdbc) {
    var stored = new HashSet<String>();
    try {
      blobs.sweep(Instant.now().plus(1, ChronoUnit.DAYS), stored::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    var referenced =
        new HashSet<>(
            jdbc.sql(
                    "SELECT blob_key FROM files UNION SELECT blob_key FROM file_versions"
                        + " UNION SELECT blob_key FROM tus_pieces"
                        + " UNION SELECT p.blob_key FROM document_previews p JOIN files f ON f.id = p.file_id")
                .query(String.class)
                .list());
    var unnamed = new TreeSet<>(stored);
    unnamed.removeAll(referenced);
    var missing = new TreeSet<>(referenced);
    missing.removeAll(stored);
    assertThat(unnamed).as("blobs in storage that no row names").isEmpty();
    assertThat(missing).as("blobs rows name that are not in storage").isEmpty();
  }
}
