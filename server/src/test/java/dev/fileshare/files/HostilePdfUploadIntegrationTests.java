package dev.fileshare.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.storage.BlobStore;
import dev.fileshare.support.Api;
import dev.fileshare.support.ApiTest;
import dev.fileshare.support.HostilePdfs;
import dev.fileshare.support.StoredBlobs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Malformed and hostile PDFs, uploaded through the real server all at once, never take it down:
 * each is accepted or refused with a 4xx within the inspection's timeout, other users are served
 * meanwhile, and a refused one leaves no blob and no temporary file behind.
 */
@TestPropertySource(properties = "fileshare.inspection.timeout=20s")
class HostilePdfUploadIntegrationTests extends ApiTest {

  @Autowired JdbcClient jdbc;
  @Autowired BlobStore blobs;

  @Test
  void hostileDocumentsAreAnsweredInTimeWhileOthersAreServed() throws Exception {
    var mallory = TestUsers.verified(api, jdbc);
    var bob = TestUsers.verified(api, jdbc);
    var started = Instant.now();
    var tempBefore = pdfboxTempFiles();
    var pool = Executors.newFixedThreadPool(4);
    var answers = new LinkedHashMap<String, Future<Api.Answer>>();
    try {
      HostilePdfs.corpus()
          .forEach(
              (name, bytes) ->
                  answers.put(
                      name,
                      pool.submit(
                          () ->
                              api.post("/api/files/?name=" + name)
                                  .token(mallory.token())
                                  .body("application/pdf", bytes)
                                  .send())));

      // meanwhile Bob lists his files and uploads ordinary documents
      for (var i = 0; i < 5; i++) {
        var list = api.get("/api/files/?owner=me").token(bob.token()).send();
        assertThat(list.status()).isEqualTo(200);
        var upload = FileCalls.upload(api, bob.token(), "ok" + i + ".pdf", TestPdfs.pdf("ok " + i));
        assertThat(upload.status()).as(upload.toString()).isEqualTo(201);
      }

      var refused = new ArrayList<String>();
      for (var entry : answers.entrySet()) {
        var answer = entry.getValue().get(2, TimeUnit.MINUTES);
        assertThat(answer.status()).as(entry.getKey() + ": " + answer).isIn(201, 415);
        if (answer.status() == 415) {
          refused.add(entry.getKey());
        }
      }
      assertThat(Duration.between(started, Instant.now())).isLessThan(Duration.ofMinutes(3));
      assertThat(refused)
          .contains("decompression-bomb.pdf", "bomb-in-xref-stream.pdf", "cyclic-page-tree.pdf");
    } finally {
      pool.shutdownNow();
    }
    var mine = api.get("/api/files/?owner=me").token(mallory.token()).send().json();
    assertThat(mine.values().size()).isLessThan(HostilePdfs.corpus().size());
    StoredBlobs.assertNoBlobLeft(blobs, jdbc);
    assertThat(pdfboxTempFiles()).isSubsetOf(tempBefore);
  }

  @Test
  void aBombIsRefusedAsTooComplex() {
    var mallory = TestUsers.verified(api, jdbc);
    var answer =
        FileCalls.upload(api, mallory.token(), "bomb.pdf", HostilePdfs.decompressionBomb(4L << 30));
    assertThat(answer.status()).isEqualTo(415);
    assertThat(answer.json().get("detail").asString())
        .startsWith("The file looks like a PDF but is too complex to read");
  }

  @Test
  void aDocumentWithActiveContentIsStoredUnderTheDefaultPolicy() {
    var alice = TestUsers.verified(api, jdbc);
    var answer =
        FileCalls.upload(api, alice.token(), "script.pdf", HostilePdfs.withActiveContent(1));
    assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
  }

  /** The temporary files PDFBox's stream cache made in this JVM's temporary directory. */
  static List<Path> pdfboxTempFiles() throws IOException {
    try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return files.filter(f -> f.getFileName().toString().startsWith("PDFBox")).toList();
    }
  }
}
