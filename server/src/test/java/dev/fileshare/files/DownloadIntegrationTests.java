package dev.fileshare.files;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.support.Api;
import dev.fileshare.support.ApiTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Downloads: headers, conditional requests, ranges and HEAD. */
class DownloadIntegrationTests extends ApiTest {

  @Autowired JdbcClient jdbc;
  TestUsers.User alice;
  byte[] pdf;
  JsonNode file;
  String path;

  @BeforeEach
  void setUp() {
    alice = TestUsers.verified(api, jdbc);
    pdf = TestPdfs.pdf("download", 3);
    var answer =
        api.post("/api/files/?name=" + URLEncoder.encode("Résumé \"final\".pdf", UTF_8))
            .token(alice.token())
            .body("application/pdf", pdf)
            .send();
    assertThat(answer.status()).isEqualTo(201);
    file = answer.json();
    path = "/api/download/" + file.get("id").asLong() + "/";
  }

  Api.Call download() {
    return api.get(path).token(alice.token());
  }

  @Test
  void streamsTheFileWithSafeHeaders() {
    var answer = download().send();
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.bytes()).isEqualTo(pdf);
    assertThat(answer.contentType()).isEqualTo("application/pdf");
    assertThat(answer.header("Content-Length")).isEqualTo(String.valueOf(pdf.length));
    assertThat(answer.header("Content-Disposition"))
        .isEqualTo(
            "attachment; filename=\"Resume _final_.pdf\";"
                + " filename*=UTF-8''R%C3%A9sum%C3%A9%20%22final%22.pdf");
    assertThat(answer.header("ETag")).isEqualTo("\"" + file.get("sha256").asString() + "\"");
    assertThat(answer.header("Last-Modified")).endsWith(" GMT");
    assertThat(answer.header("Accept-Ranges")).isEqualTo("bytes");
    var headers = answer.response().headers();
    assertThat(headers.allValues("Cache-Control")).containsExactly("private");
    assertThat(headers.allValues("X-Content-Type-Options")).containsExactly("nosniff");
    assertThat(headers.allValues("Content-Security-Policy"))
        .containsExactly("sandbox; default-src 'none'");
    assertThat(headers.firstValue("Pragma")).isEmpty();
    assertThat(headers.firstValue("Set-Cookie")).isEmpty();
  }

  @Test
  void headAnswersTheHeadersOnly() {
    var answer = api.call("HEAD", path).token(alice.token()).send();
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.bytes()).isEmpty();
    assertThat(answer.header("Content-Length")).isEqualTo(String.valueOf(pdf.length));
    assertThat(answer.header("ETag")).isEqualTo("\"" + file.get("sha256").asString() + "\"");
    assertThat(answer.header("Content-Disposition")).startsWith("attachment;");
  }

  @Test
  void conditionalRequests() {
    var etag = download().send().header("ETag");
    var lastModified = download().send().header("Last-Modified");

    var same = download().header("If-None-Match", etag).send();
    assertThat(same.status()).isEqualTo(304);
    assertThat(same.bytes()).isEmpty();
    assertThat(same.header("ETag")).isEqualTo(etag);
    assertThat(same.response().headers().allValues("Cache-Control")).containsExactly("private");
    assertThat(download().header("If-None-Match", "\"x\", W/" + etag).send().status())
        .isEqualTo(304);
    assertThat(download().header("If-None-Match", "\"other\"").send().status()).isEqualTo(200);

    assertThat(download().header("If-Modified-Since", lastModified).send().status()).isEqualTo(304);
    assertThat(
            download().header("If-Modified-Since", "Mon, 01 Jan 2001 00:00:00 GMT").send().status())
        .isEqualTo(200);
    assertThat(download().header("If-Modified-Since", "garbage").send().status()).isEqualTo(200);
  }

  @Test
  void singleRanges() {
    var first = download().header("Range", "bytes=0-9").send();
    assertThat(first.status()).isEqualTo(206);
    assertThat(first.bytes()).isEqualTo(Arrays.copyOfRange(pdf, 0, 10));
    assertThat(first.header("Content-Range")).isEqualTo("bytes 0-9/" + pdf.length);
    assertThat(first.header("Content-Length")).isEqualTo("10");

    var tail = download().header("Range", "bytes=-7").send();
    assertThat(tail.status()).isEqualTo(206);
    assertThat(tail.bytes()).isEqualTo(Arrays.copyOfRange(pdf, pdf.length - 7, pdf.length));
    assertThat(new String(tail.bytes(), StandardCharsets.US_ASCII)).contains("%%EOF");

    var middle = download().header("Range", "bytes=100-").send();
    assertThat(middle.bytes()).isEqualTo(Arrays.copyOfRange(pdf, 100, pdf.length));

    var beyond = download().header("Range", "bytes=" + pdf.length + "-").send();
    assertThat(beyond.status()).isEqualTo(416);
    assertThat(beyond.header("Content-Range")).isEqualTo("bytes */" + pdf.length);

    var several = download().header("Range", "bytes=0-1,5-6").send();
    assertThat(several.status()).isEqualTo(200);
    assertThat(several.bytes()).isEqualTo(pdf);
  }

  @Test
  void ifRangeServesTheRangeOnlyForTheSameContent() {
    var etag = download().send().header("ETag");
    var current = download().header("Range", "bytes=0-4").header("If-Range", etag).send();
    assertThat(current.status()).isEqualTo(206);
    assertThat(new String(current.bytes(), StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    var stale = download().header("Range", "bytes=0-4").header("If-Range", "\"old\"").send();
    assertThat(stale.status()).isEqualTo(200);
    assertThat(stale.bytes()).isEqualTo(pdf);
  }
}
