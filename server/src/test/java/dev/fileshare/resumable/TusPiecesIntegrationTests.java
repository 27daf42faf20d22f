package dev.fileshare.resumable;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.files.TestPdfs;
import dev.fileshare.files.TestUsers;
import dev.fileshare.storage.BlobStoreRegistry;
import dev.fileshare.support.ApiTest;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * An upload sent in pieces of several MiB, each with its checksum, as the web page sends it, in
 * whichever store the suite runs with: on local disk the pieces grow one blob, on S3 the store puts
 * them together (UploadPartCopy); either way the file is exactly what was sent, with its SHA-256,
 * and its blob is all that is left in the store.
 */
class TusPiecesIntegrationTests extends ApiTest {

  static final int MB = 1024 * 1024;

  @Autowired JdbcClient jdbc;
  @Autowired BlobStoreRegistry stores;
  @Autowired ObjectProvider<S3Client> s3;
  @Autowired Environment environment;

  @Test
  void anUploadInPiecesBecomesTheFileSentAndLeavesOnlyItsBlob() throws IOException {
    var alice = TestUsers.verified(api, jdbc);
    var content = TestPdfs.noisy("pieces " + UUID.randomUUID(), 17L * MB);
    var before = blobs();
    var path = TusCalls.create(api, alice.token(), content.length, "pieces.pdf");
    var cuts = new int[] {0, 8 * MB, 16 * MB, content.length};

    String id = null;
    for (var i = 1; i < cuts.length; i++) {
      var piece = Arrays.copyOfRange(content, cuts[i - 1], cuts[i]);
      var answer =
          TusCalls.patch(api, alice.token(), path, cuts[i - 1], piece)
              .header("Upload-Checksum", TusCalls.checksum(piece))
              .send();
      assertThat(answer.status()).as(answer.toString()).isEqualTo(204);
      assertThat(answer.header("Upload-Offset")).isEqualTo(Integer.toString(cuts[i]));
      id = answer.header("Fileshare-File-Id");
    }

    assertThat(id).isNotNull();
    var file = api.get("/api/files/" + id + "/").token(alice.token()).send();
    assertThat(file.json().get("sha256").asString()).isEqualTo(TusCalls.sha256(content));
    var download = api.get("/api/download/" + id + "/").token(alice.token()).send();
    assertThat(download.bytes()).isEqualTo(content);
    var added = blobs();
    added.removeAll(before);
    assertThat(added).as("blobs the upload left: the file's only").containsExactly(blobOf(id));
    var client = s3.getIfAvailable();
    if (client != null) {
      var key = blobOf(id);
      var eTag = client.headObject(head -> head.bucket(bucket()).key(key)).eTag();
      assertThat(eTag).as("an object of the three pieces as its parts").endsWith("-3\"");
    }
  }

  private String blobOf(String fileId) {
    return jdbc.sql("SELECT blob_key FROM files WHERE id = ?")
        .param(Long.parseLong(fileId))
        .query(String.class)
        .single();
  }

  private String bucket() {
    return environment.getRequiredProperty("fileshare.storage.s3.bucket");
  }

  private List<String> blobs() throws IOException {
    var keys = new ArrayList<String>();
    stores.current().sweep(Instant.now().plus(1, ChronoUnit.DAYS), keys::add);
    return keys;
  }
}
