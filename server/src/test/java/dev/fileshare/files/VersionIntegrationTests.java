package dev.fileshare.files;

import static dev.fileshare.files.VersionCalls.download;
import static dev.fileshare.files.VersionCalls.numbers;
import static dev.fileshare.files.VersionCalls.replaced;
import static dev.fileshare.files.VersionCalls.sha256;
import static dev.fileshare.files.VersionCalls.uploaded;
import static dev.fileshare.files.VersionCalls.versions;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.storage.BlobStore;
import dev.fileshare.support.TestEnvironment;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A file's versions through the API: what a replace keeps, how a version downloads, what a restore
 * and a delete do, and what the activity feed is told.
 */
class VersionIntegrationTests extends VersionTest {

  @Autowired JdbcClient jdbc;
  @Autowired BlobStore blobs;
  @Autowired RecordedFileEvents events;
  TestUsers.User alice;
  byte[] first = TestPdfs.pdf("first", 3);
  byte[] second = TestPdfs.pdf("second", 2);
  byte[] third = TestPdfs.pdf("third");

  @BeforeEach
  void signIn() {
    alice = TestUsers.verified(api, jdbc);
  }

  @Test
  void aReplaceKeepsThePreviousContentAsAVersion() {
    var bob = TestUsers.verified(api, jdbc);
    var id = uploaded(api, alice.token(), first);
    ShareCalls.shared(api, alice.token(), id, bob.username(), "edit");

    assertThat(replaced(api, bob.token(), id, second).get("version").asLong()).isEqualTo(2);
    var file = replaced(api, alice.token(), id, third);

    assertThat(file.get("version").asLong()).isEqualTo(3);
    assertThat(file.get("sha256").asString()).isEqualTo(sha256(third));
    var answer = VersionCalls.list(api, alice.token(), id);
    assertThat(answer.header("X-Current-Version")).isEqualTo("3");
    var listed = answer.json();
    assertThat(listed).hasSize(2);
    var newest = listed.get(0);
    assertThat(newest.get("number").asLong()).isEqualTo(2);
    assertThat(newest.get("size").asLong()).isEqualTo(second.length);
    assertThat(newest.get("sha256").asString()).isEqualTo(sha256(second));
    assertThat(newest.get("content_type").asString()).isEqualTo("application/pdf");
    assertThat(newest.get("uploaded_by").asString()).isEqualTo(bob.username());
    assertThat(newest.get("replaced_by").asString()).isEqualTo(alice.username());
    assertThat(newest.get("created").asString())
        .isLessThanOrEqualTo(newest.get("replaced").asString());
    assertThat(newest.get("download").asString())
        .isEqualTo(TestEnvironment.PUBLIC_URL + "/api/files/" + id + "/versions/2/download/");
    var oldest = listed.get(1);
    assertThat(oldest.get("number").asLong()).isEqualTo(1);
    assertThat(oldest.get("sha256").asString()).isEqualTo(sha256(first));
    assertThat(oldest.get("uploaded_by").asString()).isEqualTo(alice.username());
    assertThat(oldest.get("replaced_by").asString()).isEqualTo(bob.username());
    assertThat(events.of(id)).containsExactly("replaced:2", "replaced:3");
    var current = api.get("/api/files/" + id + "/").token(alice.token()).send().json();
    assertThat(current.get("version").asLong()).isEqualTo(3);
  }

  @Test
  void aVersionDownloadsAsTheFileDoes() {
    var id = uploaded(api, alice.token(), first);
    replaced(api, alice.token(), id, second);
    var etag = "\"" + sha256(first) + "\"";

    var whole = download(api, alice.token(), id, 1).send();
    assertThat(whole.status()).isEqualTo(200);
    assertThat(whole.bytes()).isEqualTo(first);
    assertThat(whole.header("ETag")).isEqualTo(etag);
    assertThat(whole.contentType()).isEqualTo("application/pdf");
    assertThat(whole.header("Content-Disposition")).startsWith("attachment; filename=");
    assertThat(whole.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(whole.header("Accept-Ranges")).isEqualTo("bytes");

    var part = download(api, alice.token(), id, 1).header("Range", "bytes=10-109").send();
    assertThat(part.status()).isEqualTo(206);
    assertThat(part.bytes()).isEqualTo(Arrays.copyOfRange(first, 10, 110));
    assertThat(part.header("Content-Range")).isEqualTo("bytes 10-109/" + first.length);

    var beyond = download(api, alice.token(), id, 1).header("Range", "bytes=99999999-").send();
    assertThat(beyond.status()).isEqualTo(416);
    var unchanged = download(api, alice.token(), id, 1).header("If-None-Match", etag).send();
    assertThat(unchanged.status()).isEqualTo(304);
    var stale =
        download(api, alice.token(), id, 1)
            .header("Range", "bytes=0-9")
            .header("If-Range", "\"" + sha256(second) + "\"")
            .send();
    assertThat(stale.status()).isEqualTo(200);
    assertThat(stale.bytes()).isEqualTo(first);
    var head = api.call("HEAD", VersionCalls.path(id, 1) + "download/").token(alice.token()).send();
    assertThat(head.status()).isEqualTo(200);
    assertThat(head.header("Content-Length")).isEqualTo(String.valueOf(first.length));
  }

  @Test
  void aRestoreMakesTheVersionCurrentAndKeepsTheCurrentContentAsAVersion() {
    var id = uploaded(api, alice.token(), first);
    replaced(api, alice.token(), id, second);
    replaced(api, alice.token(), id, third);

    var restored = VersionCalls.restore(api, alice.token(), id, 1);

    assertThat(restored.status()).as(restored.toString()).isEqualTo(200);
    assertThat(restored.json().get("id").asLong()).isEqualTo(id);
    assertThat(restored.json().get("version").asLong()).isEqualTo(4);
    assertThat(restored.json().get("sha256").asString()).isEqualTo(sha256(first));
    assertThat(restored.json().get("name").asString()).isEqualTo("replaced.pdf");
    var current = api.get("/api/download/" + id + "/").token(alice.token()).send();
    assertThat(current.bytes()).isEqualTo(first);
    var listed = versions(api, alice.token(), id);
    assertThat(numbers(api, alice.token(), id)).containsExactly(3L, 2L);
    assertThat(listed.get(0).get("sha256").asString()).isEqualTo(sha256(third));
    assertThat(download(api, alice.token(), id, 3).send().bytes()).isEqualTo(third);
    assertThat(download(api, alice.token(), id, 1).send().status()).isEqualTo(404);
    assertThat(VersionCalls.restore(api, alice.token(), id, 1).status()).isEqualTo(404);
    assertThat(events.of(id)).containsExactly("replaced:2", "replaced:3", "version_restored:1");

    var again = VersionCalls.restore(api, alice.token(), id, 3);
    assertThat(again.json().get("sha256").asString()).isEqualTo(sha256(third));
    assertThat(numbers(api, alice.token(), id)).containsExactly(4L, 2L);
  }

  @Test
  void aDeletedVersionIsGoneForGood() throws Exception {
    var id = uploaded(api, alice.token(), first);
    replaced(api, alice.token(), id, second);
    replaced(api, alice.token(), id, third);
    var key = blobKey(id, 1);

    assertThat(VersionCalls.delete(api, alice.token(), id, 1).status()).isEqualTo(204);

    assertThat(numbers(api, alice.token(), id)).containsExactly(2L);
    assertThat(download(api, alice.token(), id, 1).send().status()).isEqualTo(404);
    assertThat(VersionCalls.delete(api, alice.token(), id, 1).status()).isEqualTo(404);
    assertThat(blobs.exists(key)).as("the deleted version's blob").isFalse();
    assertThat(events.of(id)).endsWith("version_deleted:1");
    var file = api.get("/api/files/" + id + "/").token(alice.token()).send().json();
    assertThat(file.get("version").asLong()).isEqualTo(3);
    assertThat(file.get("sha256").asString()).isEqualTo(sha256(third));
  }

  @Test
  void renamesAndVisibilityChangesMakeNoVersion() {
    var id = uploaded(api, alice.token(), first);

    var renamed =
        api.call("PATCH", "/api/files/" + id + "/")
            .token(alice.token())
            .json(Map.of("name", "renamed.pdf", "visibility", "users"))
            .send();

    assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
    assertThat(renamed.json().get("version").asLong()).isEqualTo(1);
    assertThat(versions(api, alice.token(), id)).isEmpty();
    assertThat(VersionCalls.list(api, alice.token(), id).header("X-Current-Version"))
        .isEqualTo("1");
    assertThat(events.of(id)).doesNotContain("replaced:2");
  }

  @Test
  void numbersThatNameNoVersionAreNotFound() {
    var id = uploaded(api, alice.token(), first);
    replaced(api, alice.token(), id, second);

    for (var path :
        new String[] {
          "0/download/", "2/download/", "x/download/", "-1/download/", "1.0/download/"
        }) {
      var answer = api.get(VersionCalls.path(id) + path).token(alice.token()).send();
      assertThat(answer.status()).as(path).isEqualTo(404);
      assertThat(answer.contentType()).startsWith("application/problem+json");
    }
    assertThat(VersionCalls.restore(api, alice.token(), id, 2).status()).isEqualTo(404);
    assertThat(VersionCalls.delete(api, alice.token(), id, 99).status()).isEqualTo(404);
    assertThat(VersionCalls.list(api, alice.token(), 999_999_999).status()).isEqualTo(404);
  }

  private String blobKey(long id, long number) {
    return jdbc.sql("SELECT blob_key FROM file_versions WHERE file_id = ? AND number = ?")
        .params(id, number)
        .query(String.class)
        .single();
  }
}
