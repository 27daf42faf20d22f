package dev.fileshare.files;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Upgrading a database that already holds files: V6 records that they are in the store the server
 * is configured with, and rows added without the column (by nodes of the older version during a
 * rolling upgrade) get that store too.
 */
class StoreColumnMigrationTests {

  @TempDir Path dir;

  @Test
  void existingFilesOnSqliteAreInTheConfiguredStore() {
    var source = new DriverManagerDataSource("jdbc:sqlite:" + dir.resolve("upgrade.db"));
    assertThat(upgrade(source, "sqlite", "S3")).isEqualTo("s3");
  }

  @Test
  void existingFilesOnPostgresqlAreInTheConfiguredStore() throws Exception {
    try (var postgres = EmbeddedPostgres.builder().start()) {
      var source = postgres.getPostgresDatabase();
      assertThat(upgrade(source, "postgresql", "s3")).isEqualTo("s3");
      var jdbc = JdbcClient.create(source);
      insertFileWithoutStore(jdbc, "added-by-an-old-node");
      assertThat(storeOf(jdbc, "added-by-an-old-node")).isEqualTo("s3");
    }
  }

  /** Migrates to V4, adds a file as the files module of then did, migrates on; its store. */
  static String upgrade(DataSource source, String vendor, String configuredType) {
    flyway(source, vendor, configuredType).target("4").load().migrate();
    var jdbc = JdbcClient.create(source);
    jdbc.sql(
            "INSERT INTO users (username, username_key, email, email_key, password_hash,"
                + " joined_at) VALUES ('old', 'old', 'old@example.org', 'old@example.org', 'x', 0)")
        .update();
    insertFileWithoutStore(jdbc, "stored-before");
    flyway(source, vendor, configuredType).load().migrate();
    return storeOf(jdbc, "stored-before");
  }

  static org.flywaydb.core.api.configuration.FluentConfiguration flyway(
      DataSource source, String vendor, String type) {
    return Flyway.configure()
        .dataSource(source)
        .locations("classpath:db/migration/" + vendor)
        .placeholders(Map.of("storage_type", type));
  }

  static void insertFileWithoutStore(JdbcClient jdbc, String name) {
    jdbc.sql(
            "INSERT INTO files (owner_id, name, name_key, blob_key, size, sha256, content_type,"
                + " visibility, created_at, updated_at) SELECT id, ?, ?, ?, 1, 'x',"
                + " 'application/pdf', 'users', 0, 0 FROM users WHERE username_key = 'old'")
        .params(name, name, name + "-key")
        .update();
  }

  static String storeOf(JdbcClient jdbc, String name) {
    return jdbc.sql("SELECT store FROM files WHERE name = ?")
        .param(name)
        .query(String.class)
        .single();
  }
}
