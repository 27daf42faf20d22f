package dev.fileshare.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.fileshare.files.Multipart;
import dev.fileshare.files.TrashCalls;
import dev.fileshare.storage.BlobStore;
import dev.fileshare.support.Api;
import dev.fileshare.support.Node;
import dev.fileshare.support.SignUp;
import dev.fileshare.support.SmallDisk;
import dev.fileshare.support.StoredBlobs;
import dev.fileshare.support.TestPeers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The data directory and the SQLite database on a tmpfs of a few megabytes, filled through uploads:
 * what does not fit is refused with a 507 problem that says the server's storage is full, whether
 * the file store or the database ran out; nothing half-written stays (no temporary file, no blob
 * without a row, no row without its blob); downloads and lists go on; a resumable upload keeps the
 * bytes it had acknowledged; and once files are deleted for good, uploads go through again. Needs
 * root (to mount), as CI has; skipped otherwise.
 */
class DiskFullIntegrationTests {

  private static final Logger log = LoggerFactory.getLogger(DiskFullIntegrationTests.class);
  private static final String SIZE = "16m";
  private static final int BIG = 1024 * 1024;
  private static final int HALF = 128 * 1024;

  private static SmallDisk small;
  private static Path disk;
  private static Node node;

  @BeforeAll
  static void mountSmallDisk() throws Exception {
    assumeTrue(
        "sqlite".equals(TestPeers.database()) && !"s3".equals(TestPeers.storage()),
        "SQLite and local disk only: the database and the files share the small disk");
    var mounted = SmallDisk.mount(SIZE);
    assumeTrue(mounted.disk() != null, mounted.refusal());
    small = mounted.disk();
    disk = small.path();
    node =
        Node.start(
            Map.of(
                "fileshare.data-dir",
                disk.toString(),
                // no previews or text in the background: the test alone decides what is written
                "fileshare.documents.workers",
                "0",
                // every request writes its token's last use, which a full disk must not stop
                "fileshare.auth.touch-interval",
                "1ms"));
  }

  @AfterAll
  static void unmount() throws Exception {
    if (node != null) {
      node.close();
    }
    if (small != null) {
      small.close();
    }
  }

  private int refusals;

  @Test
  void uploadsThatDoNotFitAre507AndLeaveNothingWhileReadsGoOnAndSpaceComesBack() throws Exception {
    var started = System.nanoTime();
    var api = node.api();
    var token = SignUp.verifiedUser(api, SignUp.newName("full"));
    var keptContent = pdf(16 * 1024);
    var kept = created(raw(api, token, "kept.pdf", keptContent));
    // room set aside for the database to take in its log once the uploads have filled the disk
    var reserve = Files.write(disk.resolve("reserve"), new byte[BIG]);
    var resumable = pdf(2 * HALF);
    var upload = tusCreate(api, token, resumable.length);
    assertThat(tusPatch(api, token, upload, 0, part(resumable, 0, HALF)).status()).isEqualTo(204);

    // fill the disk through uploads until one is refused
    var accepted = new ArrayList<Long>();
    Api.Answer refused = null;
    for (var i = 0; i < 40 && refused == null; i++) {
      var answer = raw(api, token, "big-" + i + ".pdf", pdf(BIG));
      if (answer.status() == 201) {
        accepted.add(answer.json().get("id").asLong());
      } else {
        refused = answer;
      }
    }
    assertThat(accepted).as("uploads before the disk was full").isNotEmpty();
    assertStorageFull(refused);

    // the last bytes: a database that must grow its log, and not a byte left for any write
    Files.delete(reserve);
    node.bean(JdbcClient.class).sql("PRAGMA wal_checkpoint(TRUNCATE)").query().listOfRows();
    var filler = small.fill("filler");

    assertStorageFull(raw(api, token, "small.pdf", pdf(4 * 1024)));
    assertStorageFull(multipart(api, token, "POST", "/api/files/", pdf(4 * 1024)));
    assertStorageFull(multipart(api, token, "PUT", "/api/files/" + kept + "/", pdf(4 * 1024)));
    assertStorageFull(tusPatch(api, token, upload, HALF, part(resumable, HALF, resumable.length)));
    assertThat(tusHead(api, token, upload).header("Upload-Offset"))
        .as("the acknowledged offset of the resumable upload")
        .isEqualTo(Integer.toString(HALF));
    assertStorageFull(rename(api, token, kept, "renamed.pdf")); // SQLITE_FULL
    var download = api.get("/api/download/" + kept + "/").token(token).send();
    assertThat(download.status()).isEqualTo(200);
    assertThat(download.bytes()).isEqualTo(keptContent);
    var list = api.get("/api/files/").token(token).send();
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.json().size()).isEqualTo(accepted.size() + 1);
    assertNothingHalfWritten(accepted.size() + 1);

    // space comes back: the filler goes, and the big files are deleted for good
    Files.delete(filler);
    assertThat(rename(api, token, kept, "renamed.pdf").status()).isEqualTo(200);
    for (var id : accepted) {
      TrashCalls.trash(api, token, id);
    }
    assertThat(TrashCalls.empty(api, token).status()).isEqualTo(204);
    assertThat(raw(api, token, "after.pdf", pdf(BIG)).status()).isEqualTo(201);
    assertThat(multipart(api, token, "PUT", "/api/files/" + kept + "/", pdf(4 * 1024)).status())
        .isEqualTo(200);
    var last = tusPatch(api, token, upload, HALF, part(resumable, HALF, resumable.length));
    assertThat(last.status()).as(last.toString()).isEqualTo(204);
    assertThat(last.header("Upload-Offset")).isEqualTo(Integer.toString(resumable.length));
    assertNothingHalfWritten(3);
    log.info(
        "Full disk: {} uploads accepted, {} refusals, all 507 storage_full; recovered; {} ms",
        accepted.size(),
        refusals,
        (System.nanoTime() - started) / 1_000_000);
  }

  private void assertStorageFull(Api.Answer answer) {
    assertThat(answer).as("an answer when the disk is full").isNotNull();
    refusals++;
    assertThat(answer.status()).as(answer.toString()).isEqualTo(507);
    assertThat(answer.contentType()).isEqualTo("application/problem+json");
    var problem = answer.json();
    assertThat(problem.get("error").asString()).isEqualTo("storage_full");
    assertThat(problem.get("detail").asString()).startsWith("The server's storage is full");
    assertThat(problem.has("quota")).as("a user's quota is another 507").isFalse();
  }

  /** No temporary file, no blob without a row and no row without its blob. */
  private static void assertNothingHalfWritten(int files) throws IOException {
    try (var temporary = Files.list(disk.resolve("blobs").resolve("tmp"))) {
      assertThat(temporary.toList()).as("temporary files").isEmpty();
    }
    var jdbc = node.bean(JdbcClient.class);
    StoredBlobs.assertNoBlobLeft(node.bean(BlobStore.class), jdbc);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM files").query(Long.class).single()).isEqualTo(files);
  }

  /**
   * A one-page PDF of about {@code bytes} bytes: its page's content stream carries random text in a
   * comment, so no two are alike.
   */
  private static byte[] pdf(int bytes) {
    var random = new byte[bytes * 3 / 4];
    ThreadLocalRandom.current().nextBytes(random);
    var content = "0 0 m 200 200 l S % " + Base64.getEncoder().encodeToString(random);
    var pdf =
        "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
            + "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n"
            + "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>\n"
            + "endobj\n4 0 obj\n<< /Length "
            + content.length()
            + " >>\nstream\n"
            + content
            + "\nendstream\nendobj\ntrailer\n<< /Size 5 /Root 1 0 R >>\n%%EOF\n";
    return pdf.getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] part(byte[] bytes, int from, int to) {
    return java.util.Arrays.copyOfRange(bytes, from, to);
  }

  private static long created(Api.Answer answer) {
    assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
    return answer.json().get("id").asLong();
  }

  private static Api.Answer raw(Api api, String token, String name, byte[] content) {
    return api.post("/api/files/?name=" + name)
        .token(token)
        .body("application/pdf", content)
        .send();
  }

  private static Api.Answer multipart(
      Api api, String token, String method, String path, byte[] content) {
    var form = new Multipart().pdf("form.pdf", content);
    return api.call(method, path).token(token).body(form.contentType(), form.bytes()).send();
  }

  private static Api.Answer rename(Api api, String token, long id, String name) {
    return api.call("PATCH", "/api/files/" + id + "/")
        .token(token)
        .json(Map.of("name", name))
        .send();
  }

  private static String tusCreate(Api api, String token, long length) {
    var filename =
        Base64.getEncoder().encodeToString("resumed.pdf".getBytes(StandardCharsets.UTF_8));
    var answer =
        api.post("/api/uploads/")
            .token(token)
            .header("Tus-Resumable", "1.0.0")
            .header("Upload-Length", Long.toString(length))
            .header("Upload-Metadata", "filename " + filename)
            .send();
    assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
    return answer.header("Location");
  }

  private static Api.Answer tusPatch(
      Api api, String token, String path, long offset, byte[] bytes) {
    return api.call("PATCH", path)
        .token(token)
        .header("Tus-Resumable", "1.0.0")
        .header("Upload-Offset", Long.toString(offset))
        .body("application/offset+octet-stream", bytes)
        .send();
  }

  private static Api.Answer tusHead(Api api, String token, String path) {
    return api.call("HEAD", path).token(token).header("Tus-Resumable", "1.0.0").send();
  }
}
