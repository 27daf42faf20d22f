package dev.fileshare.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.support.ApiTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ContentDisposition;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Filenames chosen to break things: each is stored cleaned and comes back in one well-formed {@code
 * Content-Disposition} header that parses back to the stored name.
 */
class HostileNamesIntegrationTests extends ApiTest {

  static final List<String> NAMES =
      List.of(
          "../../../etc/passwd",
          "..\\..\\windows\\win.ini",
          "a\r\nSet-Cookie: stolen=1\r\n.pdf",
          "quote\" and \\ backslash;.pdf",
          "invoice\u202Efdp.exe",
          "\u2066isolated\u2069\u200B.pdf",
          "x".repeat(1000) + ".pdf",
          "報告書 – Отчёт – تقرير.pdf",
          "emoji 😀🎉.pdf",
          "%41%0d%0a.pdf",
          "  ",
          "..");

  @Autowired JdbcClient jdbc;
  TestUsers.User alice;

  @BeforeEach
  void setUp() {
    alice = TestUsers.verified(api, jdbc);
  }

  @Test
  void rawUploadsWithHostileNames() {
    for (var raw : NAMES) {
      var answer =
          api.post("/api/files/?name=" + URLEncoder.encode(raw, StandardCharsets.UTF_8))
              .token(alice.token())
              .body("application/pdf", TestPdfs.pdf("hostile"))
              .send();
      if (raw.isBlank()) {
        assertThat(answer.status()).isEqualTo(400);
        continue;
      }
      assertThat(answer.status()).as(raw).isEqualTo(201);
      assertRoundTrip(raw, answer.json().get("name").asString(), answer.json().get("id").asLong());
    }
  }

  @Test
  void multipartUploadsWithHostileNames() {
    for (var raw : NAMES) {
      if (raw.contains("\r") || raw.isBlank()) {
        continue; // a header line cannot carry these; the raw upload covers them
      }
      var answer = FileCalls.upload(api, alice.token(), raw, TestPdfs.pdf("hostile"));
      assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
      assertRoundTrip(raw, answer.json().get("name").asString(), answer.json().get("id").asLong());
    }
  }

  private void assertRoundTrip(String raw, String name, long id) {
    assertThat(name)
        .as(raw)
        .isNotBlank()
        .doesNotContain("/", "\\", "\r", "\n", "\u202E", "\u2066", "\u2069", "\u200B");
    assertThat(name.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(255);
    var download = api.get("/api/download/" + id + "/").token(alice.token()).send();
    assertThat(download.status()).isEqualTo(200);
    var headers = download.response().headers().allValues("Content-Disposition");
    assertThat(headers).as(raw).hasSize(1);
    var header = headers.get(0);
    assertThat(header.chars().allMatch(c -> c >= 0x20 && c < 0x7f)).as(header).isTrue();
    assertThat(ContentDisposition.parse(header).getFilename()).as(raw).isEqualTo(name);
    assertThat(ContentDisposition.parse(header).isAttachment()).isTrue();
    assertThat(download.response().headers().firstValue("Set-Cookie")).isEmpty();
  }
}
