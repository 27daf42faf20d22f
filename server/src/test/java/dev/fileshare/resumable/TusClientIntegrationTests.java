package dev.fileshare.resumable;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.files.TestPdfs;
import dev.fileshare.files.TestUsers;
import dev.fileshare.storage.BlobStore;
import dev.fileshare.support.ApiTest;
import io.tus.java.client.TusClient;
import io.tus.java.client.TusURLMemoryStore;
import io.tus.java.client.TusUpload;
import java.io.ByteArrayInputStream;
import java.net.URL;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A real tus client uploads in pieces; the result is a file like any other. */
class TusClientIntegrationTests extends ApiTest {

  static final int CHUNK = 64 * 1024;

  @Autowired JdbcClient jdbc;
  @Autowired BlobStore blobs;
  TestUsers.User alice;

  @BeforeEach
  void signIn() {
    alice = TestUsers.verified(api, jdbc);
  }

  @Test
  void uploadInPiecesBecomesTheSameFile() throws Exception {
    var content = TestPdfs.pdf("tus " + UUID.randomUUID(), 350);
    assertThat(content.length).isGreaterThan(1024 * 1024);
    var client = client(alice.token());
    var upload = upload(content, "report.pdf", "private");

    var uploader = client.resumeOrCreateUpload(upload);
    uploader.setChunkSize(CHUNK);
    uploader.setRequestPayloadSize(CHUNK);
    var requests = 0;
    while (uploader.uploadChunk() > -1) {
      requests++;
    }
    uploader.finish();
    assertThat(requests).isGreaterThan(10);

    var path = uploader.getUploadURL().getPath();
    var head = TusCalls.head(api, alice.token(), path);
    assertThat(head.status()).isEqualTo(200);
    assertThat(head.header("Upload-Offset")).isEqualTo(Long.toString(content.length));
    var id = head.header("Fileshare-File-Id");
    assertThat(id).isNotNull();
    assertThat(head.header("Fileshare-File-Url"))
        .isEqualTo("https://files.example.test/api/files/" + id + "/");

    var file = api.get("/api/files/" + id + "/").token(alice.token()).send().json();
    assertThat(file.get("name").asString()).isEqualTo("report.pdf");
    assertThat(file.get("visibility").asString()).isEqualTo("private");
    assertThat(file.get("sha256").asString()).isEqualTo(TusCalls.sha256(content));
    var download = api.get("/api/download/" + id + "/").token(alice.token()).send();
    assertThat(TusCalls.sha256(download.bytes())).isEqualTo(TusCalls.sha256(content));

    var pieces =
        jdbc.sql(
                "SELECT COUNT(*) FROM tus_pieces p JOIN tus_uploads u ON u.id = p.upload_id"
                    + " WHERE u.file_id = ?")
            .param(Long.parseLong(id))
            .query(Long.class)
            .single();
    assertThat(pieces).as("pieces left after the file was made").isZero();
    var blobKey =
        jdbc.sql("SELECT blob_key FROM files WHERE id = ?")
            .param(Long.parseLong(id))
            .query(String.class)
            .single();
    assertThat(blobs.exists(blobKey)).isTrue();
  }

  @Test
  void optionsTellWhatIsSpokenWithoutAToken() {
    var answer = api.call("OPTIONS", "/api/uploads/").send();
    assertThat(answer.status()).isEqualTo(204);
    assertThat(answer.header("Tus-Version")).isEqualTo("1.0.0");
    assertThat(answer.header("Tus-Resumable")).isEqualTo("1.0.0");
    assertThat(answer.header("Tus-Extension"))
        .isEqualTo("creation,creation-with-upload,termination,checksum,expiration");
    assertThat(answer.header("Tus-Max-Size")).isEqualTo(Long.toString(1024L * 1024 * 1024));
    assertThat(answer.header("Tus-Checksum-Algorithm")).isEqualTo("sha256");
  }

  @Test
  void everythingElseNeedsAToken() {
    var answer =
        api.post("/api/uploads/")
            .header("Tus-Resumable", "1.0.0")
            .header("Upload-Length", "10")
            .send();
    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.header("Tus-Resumable")).isEqualTo("1.0.0");
  }

  private TusClient client(String token) throws Exception {
    var client = new TusClient();
    client.setUploadCreationURL(new URL(api.base() + "/api/uploads/"));
    client.enableResuming(new TusURLMemoryStore());
    client.setHeaders(Map.of("Authorization", "Token " + token));
    return client;
  }

  private static TusUpload upload(byte[] content, String filename, String visibility) {
    var upload = new TusUpload();
    upload.setInputStream(new ByteArrayInputStream(content));
    upload.setSize(content.length);
    upload.setFingerprint(UUID.randomUUID().toString());
    upload.setMetadata(Map.of("filename", filename, "visibility", visibility));
    return upload;
  }
}
