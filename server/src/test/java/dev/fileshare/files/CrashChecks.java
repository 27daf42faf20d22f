package dev.fileshare.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.fileshare.support.S3TestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** What the kill -9 tests check on a server's data directory and database once it restarted. */
final class CrashChecks {

  private CrashChecks() {}

  /** A client of the server's database, from outside the server. */
  static JdbcClient jdbc(String url) {
    var source = new DriverManagerDataSource(url);
    if (url.startsWith("jdbc:postgresql:")) {
      source.setUsername("postgres");
      source.setPassword("postgres");
    }
    return JdbcClient.create(source);
  }

  /**
   * Waits for the restarted server's sweeps (at start, then every second) to leave on disk exactly
   * the blobs that files, versions and previews name, and no half-written upload. The document job
   * may be drawing previews meanwhile (after a long run, for minutes): a blob is written before its
   * row and deleted after it, so the rows are read before and after the disk is listed, and a blob
   * counts as an orphan only if no row names it after the listing, a row as missing its blob only
   * if it was there before and after.
   */
  static void awaitNoOrphans(Path dataDir, JdbcClient jdbc) {
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () -> {
              var before = referenced(jdbc);
              var onDisk = storedBlobs(dataDir);
              var after = referenced(jdbc);
              assertThat(difference(onDisk, after)).as("blobs on disk that no row names").isEmpty();
              before.retainAll(after);
              assertThat(difference(before, onDisk)).as("rows whose blob is not on disk").isEmpty();
              assertThat(halfWritten(dataDir)).as("half-written uploads").isZero();
            });
  }

  private static Set<String> difference(Set<String> from, Set<String> without) {
    var left = new HashSet<>(from);
    left.removeAll(without);
    return left;
  }

  /**
   * As {@link #awaitNoOrphans(Path, JdbcClient)} for a server that keeps its blobs in a bucket of
   * {@link S3TestServer}: the objects are exactly the blobs that rows name, and no multipart upload
   * is left unfinished.
   */
  static void awaitNoOrphans(String bucket, JdbcClient jdbc) {
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () -> {
              var before = referenced(jdbc);
              var objects = new HashSet<>(S3TestServer.objectKeys(bucket));
              var after = referenced(jdbc);
              assertThat(difference(objects, after))
                  .as("objects in the bucket that no row names")
                  .isEmpty();
              before.retainAll(after);
              assertThat(difference(before, objects))
                  .as("rows whose object is not in the bucket")
                  .isEmpty();
              assertThat(S3TestServer.unfinishedUploads(bucket))
                  .as("unfinished multipart uploads")
                  .isZero();
            });
  }

  /** The blobs that files, versions and previews name. */
  static Set<String> referenced(JdbcClient jdbc) {
    return new HashSet<>(
        jdbc.sql(
                "SELECT blob_key FROM files UNION SELECT blob_key FROM file_versions"
                    + " UNION SELECT blob_key FROM tus_pieces"
                    + " UNION SELECT p.blob_key FROM document_previews p JOIN files f ON f.id = p.file_id")
            .query(String.class)
            .list());
  }

  /** The local store's layout: blobs under two levels of shards, uploads in progress in tmp/. */
  private static Set<String> storedBlobs(Path dataDir) {
    var root = dataDir.resolve("blobs");
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(Files::isRegularFile)
          .filter(path -> !root.relativize(path).startsWith("tmp"))
          .map(path -> path.getFileName().toString())
          .collect(Collectors.toSet());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long halfWritten(Path dataDir) {
    try (Stream<Path> files = Files.list(dataDir.resolve("blobs").resolve("tmp"))) {
      return files.count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
