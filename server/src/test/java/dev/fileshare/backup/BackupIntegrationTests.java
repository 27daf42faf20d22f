package dev.fileshare.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.files.Multipart;
import dev.fileshare.files.TestPdfs;
import dev.fileshare.files.TestUsers;
import dev.fileshare.platform.DatabaseKind;
import dev.fileshare.storage.BlobStoreRegistry;
import dev.fileshare.support.Api;
import dev.fileshare.support.ApiTest;
import dev.fileshare.support.Commands;
import dev.fileshare.support.Node;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code backup}, {@code verify-backup} and {@code restore}, as an operator runs them: a backup
 * taken while files are uploaded and deleted restores into an empty data directory, and a server
 * started there serves every file the backup holds, with its SHA-256, under the old token.
 */
class BackupIntegrationTests extends ApiTest {

  @Autowired Environment environment;
  @Autowired JdbcClient jdbc;
  @Autowired DatabaseKind database;
  @Autowired BlobStoreRegistry stores;

  @Test
  void aBackupTakenUnderLoadRestoresToAServerThatServesEveryFile() throws Exception {
    var backup = Files.createTempDirectory("fileshare-backup-").resolve("b");
    if (database != DatabaseKind.SQLITE || !stores.all().keySet().equals(Set.of("local"))) {
      assertThat(run("backup", backup.toString())).as("PostgreSQL or S3: pg_dump").isEqualTo(2);
      return;
    }
    var alice = TestUsers.verified(api, jdbc);
    var kept = new ArrayList<Long>();
    for (var i = 0; i < 5; i++) {
      kept.add(upload(alice, "kept-" + i + ".pdf"));
    }
    var form = new Multipart().pdf("kept-0.pdf", TestPdfs.pdf("second content"));
    assertThat(
            api.call("PUT", "/api/files/" + kept.get(0) + "/")
                .token(alice.token())
                .body(form.contentType(), form.bytes())
                .send()
                .status())
        .isEqualTo(200);
    var busy = new AtomicBoolean(true);
    var churned = ConcurrentHashMap.<Long>newKeySet();
    var load =
        new Thread(
            () -> {
              var client = new Api(port);
              for (var i = 0; busy.get(); i++) {
                var id = upload(client, alice, "churn-" + i + ".pdf");
                churned.add(id);
                if (i % 2 == 0) {
                  client.call("DELETE", "/api/files/" + id + "/").token(alice.token()).send();
                  client.call("DELETE", "/api/trash/" + id + "/").token(alice.token()).send();
                }
              }
            });
    load.start();

    var code = run("backup", backup.toString());
    busy.set(false);
    load.join();
    assertThat(code).isZero();
    assertThat(run("verify-backup", backup.toString())).isZero();

    var restored = Files.createTempDirectory("fileshare-restored-");
    assertThat(run("restore", backup.toString(), "--fileshare.data-dir=" + restored)).isZero();
    assertThat(run("restore", backup.toString(), "--fileshare.data-dir=" + restored))
        .as("never over an installation")
        .isEqualTo(2);
    try (var node = Node.start(Map.of("fileshare.data-dir", restored.toString()))) {
      var there = new Api(node.port());
      var files = there.get("/api/all_files/").token(alice.token()).send();
      assertThat(files.status()).as(files.toString()).isEqualTo(200);
      var ids = new ArrayList<Long>();
      for (var file : files.json().get("files")) {
        var id = file.get("id").asLong();
        ids.add(id);
        var bytes = there.get("/api/download/" + id + "/").token(alice.token()).send();
        assertThat(bytes.status()).isEqualTo(200);
        assertThat(sha256(bytes.bytes())).isEqualTo(file.get("sha256").asString());
      }
      assertThat(ids).containsAll(kept);
      var versions =
          there.get("/api/files/" + kept.get(0) + "/versions/").token(alice.token()).send();
      assertThat(versions.json().size()).isEqualTo(1);
      var old =
          there
              .get("/api/files/" + kept.get(0) + "/versions/1/download/")
              .token(alice.token())
              .send();
      assertThat(old.status()).isEqualTo(200);
    }
  }

  @Test
  void aDamagedBackupIsNamedAsSuch() throws Exception {
    if (database != DatabaseKind.SQLITE || !stores.all().keySet().equals(Set.of("local"))) {
      return;
    }
    var alice = TestUsers.verified(api, jdbc);
    upload(alice, "one.pdf");
    var backup = Files.createTempDirectory("fileshare-backup-").resolve("b");
    assertThat(run("backup", backup.toString())).isZero();
    var blob = Manifest.read(backup).entries().get(0);
    var path = Manifest.pathOf(backup.resolve("blobs"), blob.key());
    // a backup on a file system without hard links holds copies; damage the copy, not the original
    var copy = Files.readAllBytes(path);
    Files.delete(path);
    Files.write(path, copy);
    try (var file = new RandomAccessFile(path.toFile(), "rw")) {
      file.seek(50);
      var was = file.read();
      file.seek(50);
      file.write(~was);
    }
    assertThat(run("verify-backup", backup.toString())).isEqualTo(1);
    assertThat(run("restore", backup.toString(), "--fileshare.data-dir=" + tempDir()))
        .as("a damaged backup is not restored")
        .isEqualTo(1);
    assertThat(run("verify-backup", tempDir().toString())).as("not a backup").isEqualTo(1);
  }

  private static Path tempDir() throws java.io.IOException {
    return Files.createTempDirectory("fileshare-empty-");
  }

  private long upload(TestUsers.User user, String name) {
    return upload(api, user, name);
  }

  private static long upload(Api client, TestUsers.User user, String name) {
    var answer =
        client
            .post("/api/files/?name=" + name)
            .token(user.token())
            .body("application/pdf", TestPdfs.pdf(name))
            .send();
    assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
    return answer.json().get("id").asLong();
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  private int run(String... words) {
    return Commands.run(environment, words);
  }
}
