package dev.fileshare.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.storage.BlobStore;
import dev.fileshare.support.ApiTest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Content is judged by its bytes: whatever is not a PDF is refused, and nothing is kept. */
class UploadRefusalIntegrationTests extends ApiTest {

  @Autowired JdbcClient jdbc;
  @Autowired BlobStore blobs;
  TestUsers.User alice;

  @BeforeEach
  void setUp() {
    alice = TestUsers.verified(api, jdbc);
  }

  static Map<String, byte[]> corpus() {
    var pdf = TestPdfs.pdf("cut short", 4);
    var png = new byte[256];
    System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, 0, png, 0, 8);
    var corpus = new LinkedHashMap<String, byte[]>();
    corpus.put("text.pdf", "just some text\n".getBytes(StandardCharsets.UTF_8));
    corpus.put("image.pdf", png);
    corpus.put(
        "page.pdf",
        "<!doctype html><html><script>alert(document.cookie)</script></html>"
            .getBytes(StandardCharsets.UTF_8));
    corpus.put("truncated.pdf", Arrays.copyOf(pdf, pdf.length / 2));
    corpus.put(
        "magic-only.pdf", "%PDF-1.7\nnothing else\n%%EOF\n".getBytes(StandardCharsets.UTF_8));
    return corpus;
  }

  @Test
  void nonPdfsAreRefusedWith415AndNothingIsKept() {
    corpus()
        .forEach(
            (name, bytes) -> {
              var answer = FileCalls.upload(api, alice.token(), name, bytes);
              assertThat(answer.status()).as(name + ": " + answer).isEqualTo(415);
              assertThat(answer.contentType()).startsWith("application/problem+json");
              var body = answer.json();
              assertThat(body.get("accepted").get(0).asString()).isEqualTo("application/pdf");
              assertThat(body.get("detail").asString()).contains("application/pdf");
              assertThat(body.get("pdf").get(0).asString())
                  .isEqualTo(body.get("detail").asString());

              var raw =
                  api.post("/api/files/?name=" + name)
                      .token(alice.token())
                      .body("application/pdf", bytes)
                      .send();
              assertThat(raw.status()).as(name).isEqualTo(415);
            });
    var mine = api.get("/api/files/?owner=me").token(alice.token()).send().json();
    assertThat(mine.values()).isEmpty();
    FileCalls.assertStorageMatchesRows(blobs, jdbc);
  }

  @Test
  void aRefusedReplacementLeavesTheOldContent() {
    var original = TestPdfs.pdf("original");
    var id = FileCalls.upload(api, alice.token(), "keep.pdf", original).json().get("id").asLong();
    var form = new Multipart().pdf("evil.pdf", "<html></html>".getBytes(StandardCharsets.UTF_8));
    var put =
        api.call("PUT", "/api/files/" + id + "/")
            .token(alice.token())
            .body(form.contentType(), form.bytes())
            .send();
    assertThat(put.status()).isEqualTo(415);
    var download = api.get("/api/download/" + id + "/").token(alice.token()).send();
    assertThat(download.bytes()).isEqualTo(original);
    var file = api.get("/api/files/" + id + "/").token(alice.token()).send().json();
    assertThat(file.get("name").asString()).isEqualTo("keep.pdf");
    FileCalls.assertStorageMatchesRows(blobs, jdbc);
  }

  @Test
  void malformedMultipartIs400() {
    var answer =
        api.post("/api/files/")
            .token(alice.token())
            .body("multipart/form-data; boundary=xyz", "--xyz\r\ngarbage".getBytes())
            .send();
    assertThat(answer.status()).isEqualTo(400);
    var noBoundary =
        api.post("/api/files/")
            .token(alice.token())
            .body("multipart/form-data", new byte[10])
            .send();
    assertThat(noBoundary.status()).isEqualTo(400);
  }
}
