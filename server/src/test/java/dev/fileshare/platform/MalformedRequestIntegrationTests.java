package dev.fileshare.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.support.ApiTest;
import dev.fileshare.support.SignUp;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Requests that break HTTP or carry what no field may hold get a 400 problem like every other
 * error: never Tomcat's HTML page, never a 500. The raw ones go over a plain socket, since an HTTP
 * client library refuses to send them.
 */
class MalformedRequestIntegrationTests extends ApiTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "GET /api/files/?search=a\u0001b HTTP/1.1",
        "GET /api/files/%zz/ HTTP/1.1",
        "GET /api/files/%00/ HTTP/1.1",
        "GET /api/files/{}/ HTTP/1.1",
        "GET /api/files/a b/ HTTP/1.1",
        "GET /api/user/me/?q=%zz HTTP/1.1\r\nX-Broken: a\u0001b"
      })
  void requestsTomcatCannotParseGetAProblem(String requestLine) throws IOException {
    var answer = raw(requestLine + "\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    assertThat(answer).startsWith("HTTP/1.1 400");
    assertThat(answer).containsIgnoringCase("Content-Type: application/problem+json");
    assertThat(answer).contains("\"status\":400").doesNotContain("<html").doesNotContain("Tomcat");
  }

  @Test
  void anInvalidPercentEncodingInTheQueryIsA400() throws IOException {
    var token = SignUp.verifiedUser(api, SignUp.newName("percent"));
    var answer =
        raw(
            "GET /api/files/?search=%zz HTTP/1.1\r\nHost: localhost\r\nAuthorization: Token "
                + token
                + "\r\nConnection: close\r\n\r\n");
    assertThat(answer).startsWith("HTTP/1.1 400");
    assertThat(answer).contains("percent-encoding");
  }

  @Test
  void aNulCharacterIsRefusedInJsonQueriesAndForms() {
    var token = SignUp.verifiedUser(api, SignUp.newName("nul"));
    var json = api.post("/api/user/login/").json("{\"username\":\"a\\u0000b\",\"password\":\"x\"}");
    var query = api.get("/api/all_files/?search=%00").token(token);
    var form = api.post("/api/user/login/").form(Map.of("username", "a\0b", "password", "x"));
    for (var call : new dev.fileshare.support.Api.Call[] {json, query, form}) {
      var answer = call.send();
      assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
      assertThat(answer.contentType()).startsWith("application/problem+json");
    }
    assertThat(query.send().json().path("detail").asString()).contains("NUL");
  }

  /** Values that made Spring's parsers throw what no caller expected (found by fuzzing). */
  @Test
  void headerValuesThatTripSpringsParsersAreAProblemOrUnread() {
    var token = SignUp.verifiedUser(api, SignUp.newName("headers"));
    var pdf = dev.fileshare.files.TestPdfs.pdf("headers");
    var quotedType = api.post("/api/files/?name=quoted.pdf").token(token).body("\"a\"/b", pdf);
    var answer = quotedType.send();
    assertThat(answer.status()).as(answer.toString()).isBetween(400, 499);
    assertThat(answer.contentType()).startsWith("application/problem+json");

    var loneQuote =
        api.post("/api/files/")
            .token(token)
            .header("Content-Disposition", "attachment; filename=\"")
            .body("application/pdf", pdf)
            .send();
    assertThat(loneQuote.status()).as(loneQuote.toString()).isBetween(200, 499);
    assertThat(loneQuote.contentType()).isNotNull();
    if (loneQuote.status() >= 400) {
      assertThat(loneQuote.contentType()).startsWith("application/problem+json");
    }
  }

  private String raw(String request) throws IOException {
    try (var socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      var out = new ByteArrayOutputStream();
      socket.getInputStream().transferTo(out);
      return out.toString(StandardCharsets.UTF_8);
    }
  }
}
