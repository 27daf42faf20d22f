package dev.fileshare.resumable;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Upgrading a database with an upload in progress: V7 keeps its pieces (tus_chunks becomes
 * tus_pieces) and records that they are in the store the server is configured with, so the upload
 * can be finished after the upgrade; V29 gives them no checksum, so their bytes are read for it (or
 * copied, if there are several) when the upload is complete.
 */
class PieceTableMigrationTests {

  @TempDir Path dir;

  @Test
  void piecesOnSqliteAreKeptAndInTheConfiguredStore() {
    var source = new DriverManagerDataSource("jdbc:sqlite:" + dir.resolve("upgrade.db"));
    assertThat(upgrade(source, "sqlite", "S3")).isEqualTo(expected("s3"));
  }

  @Test
  void piecesOnPostgresqlAreKeptAndInTheConfiguredStore() throws Exception {
    try (var postgres = EmbeddedPostgres.builder().start()) {
      assertThat(upgrade(postgres.getPostgresDatabase(), "postgresql", "local"))
          .isEqualTo(expected("local"));
    }
  }

  private static List<Piece> expected(String store) {
    return List.of(new Piece(0, 10, store, "key-0", null), new Piece(10, 5, store, "key-10", null));
  }

  /**
   * Migrates to V6, adds an upload of two pieces as the module of then did, migrates on; the pieces
   * as the module reads them now.
   */
  private static List<Piece> upgrade(DataSource source, String vendor, String configuredType) {
    flyway(source, vendor, configuredType, "6");
    var jdbc = JdbcClient.create(source);
    jdbc.sql(
            "INSERT INTO users (username, username_key, email, email_key, password_hash,"
                + " joined_at) VALUES ('old', 'old', 'old@example.org', 'old@example.org', 'x', 0)")
        .update();
    jdbc.sql(
            "INSERT INTO tus_uploads (id, owner_id, upload_length, upload_offset, metadata,"
                + " created_at, expires_at) SELECT 'u1', id, 20, 15, NULL, 0, 1 FROM users")
        .update();
    for (var piece : new Object[][] {{0, 10, "key-0"}, {10, 5, "key-10"}}) {
      jdbc.sql(
              "INSERT INTO tus_chunks (upload_id, chunk_offset, length, blob_key)"
                  + " VALUES ('u1', ?, ?, ?)")
          .params(piece)
          .update();
    }
    flyway(source, vendor, configuredType, "latest");
    return new PieceRows(jdbc).of("u1");
  }

  private static void flyway(DataSource source, String vendor, String type, String target) {
    Flyway.configure()
        .dataSource(source)
        .locations("classpath:db/migration/" + vendor)
        .placeholders(Map.of("storage_type", type))
        .target(target)
        .load()
        .migrate();
  }
}
