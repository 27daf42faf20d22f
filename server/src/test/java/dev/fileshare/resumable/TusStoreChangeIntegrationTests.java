package dev.fileshare.resumable;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.files.TestPdfs;
import dev.fileshare.storage.BlobStoreRegistry;
import dev.fileshare.support.Node;
import dev.fileshare.support.S3TestServer;
import dev.fileshare.support.SignUp;
import dev.fileshare.support.TestPeers;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server is restarted with {@code fileshare.storage.type} changed (local to S3, or S3 to local
 * when the suite runs on S3) between two PATCHes of one upload, on the same database: the upload
 * goes on, becomes the file that was sent, and leaves no piece behind in either store.
 */
class TusStoreChangeIntegrationTests {

  @TempDir Path dataDir;

  @Test
  void anUploadStartedInOneStoreFinishesAfterTheServerMovedToTheOther() throws IOException {
    var before = TestPeers.storage();
    var after = before.equals("local") ? "s3" : "local";
    var shared = sharedSettings();
    var content = TestPdfs.pdf("sent across a change of store " + dataDir, 20);
    var half = content.length / 2;

    String token;
    String path;
    try (var node = Node.start(Node.merged(shared, Map.of("fileshare.storage.type", before)))) {
      token = SignUp.verifiedUser(node.api(), SignUp.newName("mover"));
      path = TusCalls.create(node.api(), token, content.length, "moved.pdf");
      var first = TusCalls.patch(node.api(), token, path, 0, Arrays.copyOf(content, half)).send();
      assertThat(first.status()).as(first.toString()).isEqualTo(204);
      assertThat(blobsIn(node, before)).as("the first piece, in the %s store", before).hasSize(1);
    }

    try (var node = Node.start(Node.merged(shared, Map.of("fileshare.storage.type", after)))) {
      var api = node.api();
      var head = TusCalls.head(api, token, path);
      assertThat(head.header("Upload-Offset")).isEqualTo(Integer.toString(half));
      var rest = Arrays.copyOfRange(content, half, content.length);
      var last = TusCalls.patch(api, token, path, half, rest).send();
      assertThat(last.status()).as(last.toString()).isEqualTo(204);
      var id = last.header("Fileshare-File-Id");
      assertThat(id).as(last.toString()).isNotNull();

      var file = api.get("/api/files/" + id + "/").token(token).send();
      assertThat(file.json().get("sha256").asString()).isEqualTo(TusCalls.sha256(content));
      var download = api.get("/api/download/" + id + "/").token(token).send();
      assertThat(download.status()).as(download.toString()).isEqualTo(200);
      assertThat(download.bytes()).isEqualTo(content);

      var left = new ArrayList<String>(blobsIn(node, before));
      left.addAll(blobsIn(node, after));
      assertThat(left).as("blobs in either store: the file's only").hasSize(1);
    }
  }

  /** One database, one data directory and one bucket for both runs of the server. */
  private Map<String, String> sharedSettings() {
    var database =
        "postgres".equals(TestPeers.database())
            ? Node.postgres(TestPeers.newPostgresDatabase())
            : Map.<String, String>of();
    return Node.merged(
        database,
        Node.s3(S3TestServer.newBucket()),
        Map.of(
            "fileshare.data-dir", dataDir.toString(),
            "fileshare.rate-limit.register-per-ip", "100000/1m",
            "fileshare.rate-limit.login-per-ip", "100000/1m"));
  }

  private static List<String> blobsIn(Node node, String store) throws IOException {
    var keys = new ArrayList<String>();
    node.bean(BlobStoreRegistry.class)
        .get(store)
        .sweep(Instant.now().plus(1, ChronoUnit.DAYS), keys::add);
    return keys;
  }
}
