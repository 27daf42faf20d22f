package dev.fileshare.files.migration;

import dev.fileshare.files.FileLocations;
import dev.fileshare.storage.BlobStoreRegistry;
import dev.fileshare.support.ApiTest;
import dev.fileshare.support.Node;
import dev.fileshare.support.S3TestServer;
import dev.fileshare.support.TestPeers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.awaitility.core.ThrowingRunnable;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The server with both stores, its files in the one the suite runs on (local disk, or S3 in the S3
 * run), and the other one as the target to move them to. Subclasses share one application context.
 */
abstract class BothStoresTest extends ApiTest {

  /** The server also has the S3 store when its blobs are on local disk. */
  @DynamicPropertySource
  static void bothStores(DynamicPropertyRegistry registry) {
    if ("local".equals(TestPeers.storage())) {
      var bucket = S3TestServer.newBucket();
      Node.s3(bucket).forEach((key, value) -> registry.add(key, () -> value));
    }
  }

  @Autowired Environment environment;
  @Autowired BlobStoreRegistry stores;
  @Autowired JdbcClient jdbc;
  @Autowired List<FileLocations> locations;

  String source;
  String target;
  MigrationFixture fixture;

  @BeforeEach
  void stores() {
    source = stores.currentName();
    target = source.equals("local") ? "s3" : "local";
    fixture = new MigrationFixture(api);
  }

  /** The files table as the migration sees it. */
  FileLocations fileRows() {
    return locations.stream().filter(rows -> rows.kind().equals("file")).findFirst().orElseThrow();
  }

  FileLocations.Located located(long id) {
    return jdbc.sql("SELECT id, store, blob_key, size, sha256 FROM files WHERE id = ?")
        .param(id)
        .query(FileLocations.Located.class)
        .single();
  }

  long movedInto(String store, Set<Long> ids) {
    return jdbc
        .sql("SELECT id FROM files WHERE store = ?")
        .param(store)
        .query(Long.class)
        .list()
        .stream()
        .filter(ids::contains)
        .count();
  }

  /** The stores that files and versions are in. */
  Set<String> storesOfRows() {
    return new HashSet<>(
        jdbc.sql("SELECT store FROM files UNION SELECT store FROM file_versions")
            .query(String.class)
            .list());
  }

  /**
   * Checks the stores until the assertions hold, for at most two minutes: previews are drawn in the
   * background (by this node and, until it stopped, by the other), and one being drawn has its blob
   * stored a moment before its row, or a displaced one its row gone a moment before its blob. Rows
   * of other tests' files may wait in the queue for hours (in the trash, or to be retried), so the
   * queue being empty is no sign; the stores settling is. A blob that no row ever names fails.
   */
  void eventually(ThrowingRunnable assertions) {
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(120))
        .pollInterval(java.time.Duration.ofMillis(500))
        .untilAsserted(assertions);
  }

  /** The blobs of previews, which migrate-storage leaves where they are. */
  Set<String> previewKeys() {
    return new HashSet<>(
        jdbc.sql("SELECT blob_key FROM document_previews").query(String.class).list());
  }

  /** The blobs of files and versions. */
  Set<String> keysOfRows() {
    return new HashSet<>(
        jdbc.sql("SELECT blob_key FROM files UNION SELECT blob_key FROM file_versions")
            .query(String.class)
            .list());
  }

  Set<String> blobsIn(String store) {
    var keys = new HashSet<String>();
    try {
      stores.get(store).sweep(Instant.now().plus(1, ChronoUnit.DAYS), keys::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return keys;
  }
}
