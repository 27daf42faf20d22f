package dev.fileshare.quotas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.files.Multipart;
import dev.fileshare.quotas.QuotaService.Limit;
import dev.fileshare.shared.UserId;
import dev.fileshare.support.Api;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** The calls the quota tests make, and what they check afterwards. */
final class QuotaCalls {

  private static final Pattern CONTENT_LENGTH = Pattern.compile("(?i)\r\ncontent-length: *(\\d+)");

  private QuotaCalls() {}

  /** Uploads a multipart form, as a browser or curl -F does. */
  static Api.Answer upload(Api api, String token, String name, byte[] content) {
    var form = new Multipart().pdf(name, content);
    return api.post("/api/files/").token(token).body(form.contentType(), form.bytes()).send();
  }

  /** Uploads the bytes as the body, as a script does. */
  static Api.Answer uploadRaw(Api api, String token, String name, byte[] content) {
    var path = "/api/files/?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8);
    return api.post(path).token(token).body("application/pdf", content).send();
  }

  /** The user's id, as their profile says. */
  static UserId id(Api api, String token) {
    return new UserId(me(api, token).get("id").asLong());
  }

  /** The {@code usage} of the user's profile. */
  static JsonNode usage(Api api, String token) {
    return me(api, token).get("usage");
  }

  private static JsonNode me(Api api, String token) {
    var answer = api.get("/api/user/me/").token(token).send();
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    return answer.json();
  }

  static void setQuota(QuotaService quotas, UserId user, long bytes) {
    quotas.setQuota(user, Optional.of(Limit.of(bytes)), Optional.empty());
  }

  /** A 507 (or 413 for tus) problem that names the quota and the usage as the profile does. */
  static void assertRefusal(Api.Answer answer, int status, long quota, JsonNode usage) {
    assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
    var problem = answer.json();
    assertThat(problem.get("quota").get("bytes").asLong()).isEqualTo(quota);
    assertThat(problem.get("usage").get("bytes").asLong()).isEqualTo(usage.get("bytes").asLong());
    assertThat(problem.get("usage").get("files").asLong()).isEqualTo(usage.get("files").asLong());
    assertThat(problem.get("usage").get("reserved").asLong())
        .isEqualTo(usage.get("reserved").asLong());
    assertThat(problem.get("detail").asString()).contains("quota");
  }

  /**
   * Sends only the head of a request that announces a body of {@code length} bytes, and answers
   * what the server says without the body: its status line, headers and problem. Fails if no answer
   * comes within ten seconds (the server waiting for the body).
   */
  static String announce(int port, String head, long length) {
    try (var socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      var out = socket.getOutputStream();
      var request = head + "Host: 127.0.0.1\r\nContent-Length: " + length + "\r\n\r\n";
      out.write(request.getBytes(StandardCharsets.UTF_8));
      out.flush();
      var in = socket.getInputStream();
      var answer = new ByteArrayOutputStream();
      while (!complete(answer.toString(StandardCharsets.UTF_8))) {
        int next;
        try {
          next = in.read();
        } catch (IOException e) {
          throw new AssertionError("No whole answer, only: " + answer, e);
        }
        if (next < 0) {
          break;
        }
        answer.write(next);
      }
      return answer.toString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Whether the answer's head and its body arrived: as much as it announces, or, for a body that
   * the closing of the connection ends, a whole JSON problem.
   */
  private static boolean complete(String answer) {
    var end = answer.indexOf("\r\n\r\n");
    if (end < 0) {
      return false;
    }
    var matcher = CONTENT_LENGTH.matcher(answer.substring(0, end));
    if (matcher.find()) {
      return answer.getBytes(StandardCharsets.UTF_8).length
          >= end + 4 + Integer.parseInt(matcher.group(1));
    }
    return answer.endsWith("\r\n0\r\n\r\n") || isJson(answer.substring(end + 4));
  }

  private static boolean isJson(String text) {
    try {
      return text.endsWith("}") && Api.JSON.readTree(text).isObject();
    } catch (JacksonException e) {
      return false;
    }
  }
}
