package dev.fileshare.resumable;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.files.TestPdfs;
import dev.fileshare.files.TestUsers;
import dev.fileshare.storage.BlobStoreRegistry;
import dev.fileshare.support.ApiTest;
import java.io.IOException;
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
 * and no piece is left.
 */
class TusPiecesIntegrationTests extends ApiTest {

  static final int MB = 1024 * 1024;

  @Autowired JdbcClient jdbc;
  @Autowired BlobStoreRegistry stores;
  @Autowired ObjectProvider<S3Client> s3;
  @Autowired Environment environment;

  @Test
  void anUploadInPiecesBecomesTheFileSentAndLeavesNoPieceBehind() throws IOException {
    var alice = TestUsers.verified(api, jdbc);
    var content = TestPdfs.noisy("pieces " + UUID.randomUUID(), 17L * MB);
    var path = TusCalls.create(api, alice.token(), content.length, "pieces.pdf");
    var upload = path.substring(path.lastIndexOf('/') + 1);
    var cuts = new int[] {0, 8 * MB, 16 * MB, content.length};

    String id = null;
    List<String> pieces = List.of();
    for (var i = 1; i < cuts.length; i++) {
      pieces = pieceBlobs(upload);
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
    var blob = blobOf(id);
    assertThat(pieceBlobs(upload)).isEmpty();
    for (var key : pieces) {
      if (!key.equals(blob)) {
        assertThat(stores.current().exists(key)).as("piece %s removed", key).isFalse();
      }
    }
    var client = s3.getIfAvailable();
    if (client == null) {
      assertThat(pieces).as("one piece grown in place, the file's blob").containsExactly(blob);
    } else {
      assertThat(pieces).as("the pieces before the last, each an object").hasSize(2);
      var eTag = client.headObject(head -> head.bucket(bucket()).key(blob)).eTag();
      assertThat(eTag).as("an object of the three pieces as its parts").endsWith("-3\"");
    }
  }

  /** The blobs of the upload's pieces so far. */
  private List<String> pieceBlobs(String upload) {
    return jdbc.sql("SELECT blob_key FROM tus_pieces WHERE upload_id = ? ORDER BY piece_offset")
        .param(upload)
        .query(String.class)
        .list();
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
}
