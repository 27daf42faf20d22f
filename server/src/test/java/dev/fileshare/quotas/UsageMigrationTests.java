package dev.fileshare.quotas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.shared.UserId;
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
 * Upgrading a database that has files and uploads in progress: V14 counts each user's files and
 * their bytes, and reserves the length of each unfinished upload (a finished one reserves nothing),
 * so the quota holds from the first upload after the upgrade.
 */
class UsageMigrationTests {

  @TempDir Path dir;

  @Test
  void existingFilesAndUploadsAreCountedOnSqlite() {
    var source = new DriverManagerDataSource("jdbc:sqlite:" + dir.resolve("upgrade.db"));
    assertCounted(source, "sqlite");
  }

  @Test
  void existingFilesAndUploadsAreCountedOnPostgresql() throws Exception {
    try (var postgres = EmbeddedPostgres.builder().start()) {
      assertCounted(postgres.getPostgresDatabase(), "postgresql");
    }
  }

  /** Migrates to V13, adds two users' files and uploads as the modules of then did, migrates on. */
  private static void assertCounted(DataSource source, String vendor) {
    flyway(source, vendor, "13");
    var jdbc = JdbcClient.create(source);
    for (var name : List.of("old", "idle")) {
      jdbc.sql(
              "INSERT INTO users (username, username_key, email, email_key, password_hash,"
                  + " joined_at) VALUES (?, ?, ?, ?, 'x', 0)")
          .params(name, name, name + "@example.org", name + "@example.org")
          .update();
    }
    for (var file : new Object[][] {{"a", 100}, {"b", 250}, {"c", 7}}) {
      jdbc.sql(
              "INSERT INTO files (owner_id, name, name_key, blob_key, size, sha256, content_type,"
                  + " visibility, created_at, updated_at) SELECT id, ?, ?, ?, ?, 'x',"
                  + " 'application/pdf', 'users', 0, 0 FROM users WHERE username_key = 'old'")
          .params(file[0], file[0], file[0] + "-key", file[1])
          .update();
    }
    for (var upload : new Object[][] {{"unfinished", 5000, null}, {"finished", 3000, 1}}) {
      jdbc.sql(
              "INSERT INTO tus_uploads (id, owner_id, upload_length, upload_offset, metadata,"
                  + " file_id, created_at, expires_at) SELECT ?, id, ?, 10, NULL, ?, 0, 1"
                  + " FROM users WHERE username_key = 'old'")
          .params(upload)
          .update();
    }
    flyway(source, vendor, "latest");

    var rows = new UsageRows(jdbc);
    var old = rows.byUser(userId(jdbc, "old")).orElseThrow();
    assertThat(old.bytes()).isEqualTo(357);
    assertThat(old.files()).isEqualTo(3);
    assertThat(old.reserved()).isEqualTo(5000);
    assertThat(old.quotaBytes()).isNull();
    var idle = rows.byUser(userId(jdbc, "idle")).orElseThrow();
    assertThat(List.of(idle.bytes(), idle.files(), idle.reserved())).containsOnly(0L);
    assertThat(reserved(jdbc, "unfinished")).isEqualTo(5000);
    assertThat(reserved(jdbc, "finished")).isZero();
  }

  private static UserId userId(JdbcClient jdbc, String name) {
    return new UserId(
        jdbc.sql("SELECT id FROM users WHERE username_key = ?")
            .param(name)
            .query(Long.class)
            .single());
  }

  private static long reserved(JdbcClient jdbc, String upload) {
    return jdbc.sql("SELECT reserved FROM tus_uploads WHERE id = ?")
        .param(upload)
        .query(Long.class)
        .single();
  }

  private static void flyway(DataSource source, String vendor, String target) {
    Flyway.configure()
        .dataSource(source)
        .locations("classpath:db/migration/" + vendor)
        .placeholders(Map.of("storage_type", "local"))
        .target(target)
        .load()
        .migrate();
  }
}
