package dev.fileshare.backup;

import dev.fileshare.FileShareApplication;
import dev.fileshare.support.Node;
import dev.fileshare.support.TestPeers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How long {@code migrate-database} takes from SQLite to PostgreSQL (embedded, on this machine) for
 * an installation of {@code bench.files} files (a million by default) of 10,000 users, with a share
 * and an activity entry per hundred files. Run by {@code bench/migrate-database.sh}; not part of
 * the suite.
 */
class DatabaseMoveBenchmark {

  private static final Logger log = LoggerFactory.getLogger(DatabaseMoveBenchmark.class);

  @Test
  void moveToPostgres() throws Exception {
    var files = Integer.getInteger("bench.files", 1_000_000);
    var dataDir = Files.createTempDirectory("fileshare-move-bench-");
    var seeded = Instant.now();
    try (var node = Node.start(Map.of("fileshare.data-dir", dataDir.toString()))) {
      seed(node.bean(JdbcClient.class), files);
    }
    var seeding = Duration.between(seeded, Instant.now());
    var url = TestPeers.newPostgresDatabase();
    var started = Instant.now();
    var exit =
        FileShareApplication.runCommand(
            "migrate-database",
            "--to",
            url,
            "--fileshare.data-dir=" + dataDir,
            "--spring.datasource.username=postgres",
            "--spring.datasource.password=postgres",
            "--spring.main.banner-mode=off");
    var took = Duration.between(started, Instant.now());
    if (exit != 0) {
      throw new AssertionError("migrate-database ended with " + exit);
    }
    var table =
        "| files | users | seeding SQLite | migrate-database to PostgreSQL | files/s |\n"
            + "|---:|---:|---:|---:|---:|\n"
            + String.format(
                "| %,d | 10,000 | %d s | %d s | %,d |%n",
                files,
                seeding.toSeconds(),
                took.toSeconds(),
                files * 1000L / Math.max(1, took.toMillis()));
    log.info("\n{}", table);
    var out = System.getProperty("bench.out");
    if (out != null) {
      Files.writeString(Path.of(out), table);
    }
  }

  private static void seed(JdbcClient jdbc, int files) {
    var now = System.currentTimeMillis();
    jdbc.sql(
            "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000)"
                + " INSERT INTO users (username, username_key, email, email_key, password_hash,"
                + " email_verified, joined_at) SELECT 'bench' || i, 'bench' || i,"
                + " 'bench' || i || '@bench.test', 'bench' || i || '@bench.test', '!', 1, ? FROM n")
        .param(now)
        .update();
    var first = jdbc.sql("SELECT MIN(id) FROM users").query(Long.class).single();
    jdbc.sql(
            "WITH RECURSIVE n (i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ? - 1)"
                + " INSERT INTO files (owner_id, name, name_key, store, blob_key, size, sha256,"
                + " content_type, visibility, created_at, updated_at) SELECT ? + i % 10000,"
                + " 'report ' || i || '.pdf', 'report ' || i || '.pdf', 'local', 'bench/' || i,"
                + " 1000 + i, 'x', 'application/pdf', CASE WHEN i % 10 < 3 THEN 'users'"
                + " ELSE 'private' END, ? + i, ? + i FROM n")
        .params(files, first, now, now)
        .update();
    jdbc.sql(
            "INSERT INTO file_shares (file_id, recipient_id, permission, shared_by, created_at,"
                + " updated_at) SELECT id, owner_id + 1, 'read', owner_id, created_at, created_at"
                + " FROM files WHERE id % 100 = 0 AND owner_id + 1 IN (SELECT id FROM users)")
        .update();
    jdbc.sql(
            "INSERT INTO activity (user_id, actor_id, file_id, file_name, action, detail,"
                + " created_at) SELECT owner_id, owner_id, id, name, 'uploaded', '{}', created_at"
                + " FROM files WHERE id % 100 = 1")
        .update();
  }
}
