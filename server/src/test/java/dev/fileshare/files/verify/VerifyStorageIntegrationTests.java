package dev.fileshare.files.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.fileshare.files.Multipart;
import dev.fileshare.files.TestPdfs;
import dev.fileshare.files.TestUsers;
import dev.fileshare.storage.BlobStoreRegistry;
import dev.fileshare.support.ApiTest;
import dev.fileshare.support.Commands;
import java.io.IOException;
import java.io.RandomAccessFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code verify-storage}, run as an operator runs it beside the server: a byte flipped on disk and
 * a blob gone are found and listed, found again no more once whole, and a run goes on where an
 * interrupted one stopped.
 */
@ExtendWith(OutputCaptureExtension.class)
class VerifyStorageIntegrationTests extends ApiTest {

  @Autowired Environment environment;
  @Autowired JdbcClient jdbc;
  @Autowired BlobStoreRegistry stores;
  @Autowired StorageVerification verification;
  @Autowired CheckpointRows checkpoints;
  TestUsers.User alice;

  @BeforeEach
  void signIn() {
    alice = TestUsers.verified(api, jdbc);
  }

  @Test
  void aMissingVersionIsFoundAndForgottenOnceItIsGone() throws Exception {
    var id = upload("kept.pdf", "first");
    var form = new Multipart().pdf("kept.pdf", TestPdfs.pdf("second"));
    var replaced =
        api.call("PUT", "/api/files/" + id + "/")
            .token(alice.token())
            .body(form.contentType(), form.bytes())
            .send();
    assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
    var version =
        jdbc.sql("SELECT id, store, blob_key FROM file_versions WHERE file_id = ?")
            .param(id)
            .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
            .single();
    stores.get(version[1]).delete(version[2]);

    var result = verification.run(0, false);

    assertThat(result.damaged())
        .anySatisfy(
            item -> {
              assertThat(item.kind()).isEqualTo("version");
              assertThat(item.itemId()).isEqualTo(Long.parseLong(version[0]));
              assertThat(item.foundSha256()).isEmpty();
            });
    assertThat(damaged("file", id)).isZero();
    // the owner removes the lost version: it is no longer damage
    var deleted =
        api.call("DELETE", "/api/files/" + id + "/versions/1/").token(alice.token()).send();
    assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
    verification.run(0, false);
    assertThat(damaged("version", Long.parseLong(version[0]))).isZero();
  }

  @Test
  void aFlippedByteIsFoundAndForgottenOnceTheBlobIsWholeAgain(CapturedOutput output)
      throws Exception {
    var id = upload("rotting.pdf", "bits");
    var row =
        jdbc.sql("SELECT store, blob_key FROM files WHERE id = ?")
            .param(id)
            .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
            .single();
    var path = stores.get(row[0]).sendfileName(row[1]);
    assumeThat(path).as("blobs are local files").isPresent();

    var original = flip(path.get(), 100);
    assertThat(run("verify-storage")).isEqualTo(1);
    assertThat(damaged("file", id)).isEqualTo(1);
    assertThat(output.getOut()).contains("Damaged: file " + id).contains("found ");

    flip(path.get(), 100);
    assertThat(original).isNotNull();
    verification.run(0, false);
    assertThat(damaged("file", id)).isZero();
  }

  @Test
  void anInterruptedRunGoesOnWhereItStopped() throws Exception {
    var first = upload("one.pdf", "one");
    var second = upload("two.pdf", "two");
    var store =
        jdbc.sql("SELECT store FROM files WHERE id = ?").param(second).query(String.class).single();
    var key =
        jdbc.sql("SELECT blob_key FROM files WHERE id = ?")
            .param(first)
            .query(String.class)
            .single();
    stores.get(store).delete(key);
    // an earlier run stopped after the first file
    jdbc.sql(
            "INSERT INTO storage_verification (kind, store, after_id, last_id, started_at,"
                + " updated_at) VALUES ('file', ?, ?, ?, 0, 0)")
        .params(store, first, second)
        .update();

    verification.run(0, false);
    assertThat(damaged("file", first)).as("before the checkpoint: not read again").isZero();

    verification.run(0, false);
    assertThat(damaged("file", first)).as("the next run starts from the beginning").isEqualTo(1);
    // the owner removes the lost file for good: it is no longer damage, and nothing of it stays
    assertThat(api.call("DELETE", "/api/files/" + first + "/").token(alice.token()).send().status())
        .isEqualTo(204);
    assertThat(api.call("DELETE", "/api/trash/" + first + "/").token(alice.token()).send().status())
        .isEqualTo(204);
    verification.run(0, false);
    assertThat(damaged("file", first)).isZero();
  }

  @Test
  void aScheduledRunIsClaimedByOneNodeOncePerInterval() {
    var day = java.time.Duration.ofDays(1).toMillis();
    var now = System.currentTimeMillis() + 1000 * day;
    assertThat(checkpoints.claimScheduledRun(now, day)).isTrue();
    assertThat(checkpoints.claimScheduledRun(now, day)).as("another node, the same hour").isFalse();
    assertThat(checkpoints.claimScheduledRun(now + day / 2, day)).isFalse();
    assertThat(checkpoints.claimScheduledRun(now + day, day)).as("a day later").isTrue();
    jdbc.sql("DELETE FROM storage_verification WHERE kind = 'pass'").update();
  }

  @Test
  void aWrongCommandIsTwo() {
    assertThat(run("verify-storage", "--rate=fast")).isEqualTo(2);
  }

  private long upload(String name, String text) {
    var answer =
        api.post("/api/files/?name=" + name)
            .token(alice.token())
            .body("application/pdf", TestPdfs.pdf(text))
            .send();
    assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
    return answer.json().get("id").asLong();
  }

  private long damaged(String kind, long id) {
    return jdbc.sql("SELECT COUNT(*) FROM storage_damage WHERE kind = ? AND item_id = ?")
        .params(kind, id)
        .query(Long.class)
        .single();
  }

  /** Flips the bits of one byte of the file; answers the byte as it was. */
  private static Byte flip(String path, long position) throws IOException {
    try (var file = new RandomAccessFile(path, "rw")) {
      file.seek(position);
      var was = (byte) file.read();
      file.seek(position);
      file.write(~was);
      return was;
    }
  }

  private int run(String... words) {
    return Commands.run(environment, words);
  }
}
