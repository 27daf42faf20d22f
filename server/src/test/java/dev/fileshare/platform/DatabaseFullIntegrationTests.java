package dev.fileshare.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.fileshare.files.TestPdfs;
import dev.fileshare.files.TrashCalls;
import dev.fileshare.storage.BlobStore;
import dev.fileshare.support.Api;
import dev.fileshare.support.Node;
import dev.fileshare.support.SignUp;
import dev.fileshare.support.SmallDisk;
import dev.fileshare.support.StoredBlobs;
import dev.fileshare.support.TestPeers;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * PostgreSQL's tables and indexes on a tmpfs of a few megabytes (a tablespace there; its
 * write-ahead log elsewhere, as a production server keeps it), filled: an upload whose rows need a
 * page the disk cannot give is refused with the 507 problem that says the server's storage is full
 * (SQLSTATE 53100, {@code disk_full}), with no blob left without its row; downloads and lists go
 * on; once space comes back, uploads go through again. The PostgreSQL run only, and root only (to
 * mount), as CI has.
 */
class DatabaseFullIntegrationTests {

  private static final Logger log = LoggerFactory.getLogger(DatabaseFullIntegrationTests.class);

  /** Room for the schema and a few hundred files' rows. */
  private static final String SIZE = "32m";

  private static SmallDisk disk;

  /** A server of the test's own: the shared one could not checkpoint once the disk is gone. */
  private static EmbeddedPostgres postgres;

  private static Node node;

  @BeforeAll
  static void startOnASmallDisk() throws Exception {
    assumeTrue(
        "postgres".equals(TestPeers.database()) && "local".equals(TestPeers.storage()),
        "the PostgreSQL run: the SQLite run fills its database in DiskFullIntegrationTests");
    var mounted = SmallDisk.mount(SIZE);
    assumeTrue(mounted.disk() != null, mounted.refusal());
    disk = mounted.disk();
    postgres = EmbeddedPostgres.builder().start();
    node =
        Node.start(
            Node.merged(
                Node.postgres(TestPeers.newPostgresDatabase(postgres, disk.path())),
                Map.of(
                    // no background reading: the test alone decides what is written
                    "fileshare.documents.workers", "0",
                    // every request writes its token's last use, which a full disk must not stop
                    "fileshare.auth.touch-interval", "1ms")));
  }

  @AfterAll
  static void unmount() throws Exception {
    if (node != null) {
      node.close();
    }
    if (postgres != null) {
      postgres.close();
    }
    if (disk != null) {
      disk.close();
    }
  }

  @Test
  void uploadsWhoseRowsDoNotFitAre507AndLeaveNothingWhileReadsGoOnAndSpaceComesBack()
      throws Exception {
    var started = System.nanoTime();
    var api = node.api();
    var token = SignUp.verifiedUser(api, SignUp.newName("dbfull"));
    var keptContent = TestPdfs.pdf("kept");
    var kept = raw(api, token, "kept.pdf", keptContent);
    assertThat(kept.status()).as(kept.toString()).isEqualTo(201);
    var keptId = kept.json().get("id").asLong();

    var filler = disk.fill("filler");
    // the rows of an upload fit in pages the tables have until one needs a new page
    var accepted = new ArrayList<Long>();
    Api.Answer refused = null;
    for (var i = 0; i < 2_000 && refused == null; i++) {
      var answer = raw(api, token, "small-" + i + ".pdf", TestPdfs.pdf("small " + i));
      if (answer.status() == 201) {
        accepted.add(answer.json().get("id").asLong());
      } else {
        refused = answer;
      }
    }
    assertThat(refused).as("an upload refused once the database's disk is full").isNotNull();
    assertThat(refused.status()).as(refused.toString()).isEqualTo(507);
    assertThat(refused.contentType()).isEqualTo("application/problem+json");
    var problem = refused.json();
    assertThat(problem.get("error").asString()).isEqualTo("storage_full");
    assertThat(problem.get("detail").asString()).startsWith("The server's storage is full");
    assertThat(problem.has("quota")).as("a user's quota is another 507").isFalse();

    var download = api.get("/api/download/" + keptId + "/").token(token).send();
    assertThat(download.status()).isEqualTo(200);
    assertThat(download.bytes()).isEqualTo(keptContent);
    var list = api.get("/api/files/?limit=1").token(token).send();
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.json().get("count").asLong()).isEqualTo(accepted.size() + 1);
    var jdbc = node.bean(JdbcClient.class);
    StoredBlobs.assertNoBlobLeft(node.bean(BlobStore.class), jdbc);

    Files.delete(filler);
    var after = raw(api, token, "after.pdf", TestPdfs.pdf("after"));
    assertThat(after.status()).as(after.toString()).isEqualTo(201);
    TrashCalls.trash(api, token, keptId);
    assertThat(TrashCalls.empty(api, token).status()).isEqualTo(204);
    StoredBlobs.assertNoBlobLeft(node.bean(BlobStore.class), jdbc);
    log.info(
        "Database disk full: {} uploads accepted on a full disk, then 507 storage_full; recovered;"
            + " {} ms",
        accepted.size(),
        (System.nanoTime() - started) / 1_000_000);
  }

  private static Api.Answer raw(Api api, String token, String name, byte[] content) {
    return api.post("/api/files/?name=" + name)
        .token(token)
        .body("application/pdf", content)
        .send();
  }
}
