package dev.fileshare.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.FileShareApplication;
import dev.fileshare.support.Node;
import dev.fileshare.support.TestPeers;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code verify-backup} without a directory, as an operator runs it after restoring a PostgreSQL +
 * S3 backup (pg_restore, the bucket's replica): with the configuration pointing at the restored
 * installation it reads every file and version back against its SHA-256, and names a blob the
 * backup lost or damaged.
 */
class RestoredInstallationIntegrationTests {

  @Test
  void verifyBackupAloneChecksTheInstallationInPlace() throws Exception {
    var dataDir = Files.createTempDirectory("fileshare-restored-");
    var settings = new HashMap<String, String>();
    settings.put("fileshare.data-dir", dataDir.toString());
    if ("postgres".equals(TestPeers.database())) {
      settings.putAll(Node.postgres(TestPeers.newPostgresDatabase()));
    }
    String damaged;
    String lost;
    try (var node = Node.start(settings)) {
      var installation = Installation.populate(node.api());
      var jdbc = node.bean(JdbcClient.class);
      damaged = blobOf(jdbc, installation.shared());
      lost = blobOf(jdbc, installation.searched());
    }
    assertThat(run(settings, "verify-backup")).as("whole").isZero();

    try (var file = new RandomAccessFile(pathOf(dataDir, damaged).toFile(), "rw")) {
      file.seek(20);
      var was = file.read();
      file.seek(20);
      file.write(~was);
    }
    assertThat(run(settings, "verify-backup")).as("a damaged blob").isEqualTo(1);
    Files.delete(pathOf(dataDir, damaged));
    Files.delete(pathOf(dataDir, lost));
    assertThat(run(settings, "verify-backup")).as("lost blobs").isEqualTo(1);
  }

  private static String blobOf(JdbcClient jdbc, long fileId) {
    return jdbc.sql("SELECT blob_key FROM files WHERE id = ?")
        .param(fileId)
        .query(String.class)
        .single();
  }

  private static Path pathOf(Path dataDir, String key) throws Exception {
    try (var paths = Files.walk(dataDir.resolve("blobs"))) {
      return paths
          .filter(path -> path.getFileName().toString().equals(key))
          .findFirst()
          .orElseThrow();
    }
  }

  private static int run(Map<String, String> settings, String... words) {
    var arguments = new ArrayList<>(List.of(words));
    settings.forEach((key, value) -> arguments.add("--" + key + "=" + value));
    arguments.add("--spring.main.banner-mode=off");
    return FileShareApplication.runCommand(arguments.toArray(String[]::new));
  }
}
