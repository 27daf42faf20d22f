package dev.fileshare.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for the real server on its random port, as an API client would call it. */
public final class Api {

  public static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final String base;

  public Api(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  public String base() {
    return base;
  }

  public Call get(String path) {
    return new Call("GET", path);
  }

  public Call post(String path) {
    return new Call("POST", path);
  }

  public Call call(String method, String path) {
    return new Call(method, path);
  }

  /** One request being built. */
  public final class Call {
    private final String method;
    private final String path;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();

    private Call(String method, String path) {
      this.method = method;
      this.path = path;
    }

    public Call header(String name, String value) {
      headers.put(name, value);
      return this;
    }

    public Call token(String token) {
      return header("Authorization", "Token " + token);
    }

    /** A JSON body: a map, a record, or a string that is sent as it is. */
    public Call json(Object value) {
      var text = value instanceof String s ? s : JSON.writeValueAsString(value);
      header("Content-Type", "application/json");
      body = HttpRequest.BodyPublishers.ofString(text);
      return this;
    }

    public Call form(Map<String, String> fields) {
      var text =
          fields.entrySet().stream()
              .map(
                  e ->
                      URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                          + "="
                          + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
              .collect(Collectors.joining("&"));
      header("Content-Type", "application/x-www-form-urlencoded");
      body = HttpRequest.BodyPublishers.ofString(text);
      return this;
    }

    public Call body(String contentType, byte[] bytes) {
      header("Content-Type", contentType);
      body = HttpRequest.BodyPublishers.ofByteArray(bytes);
      return this;
    }

    public Answer send() {
      var request =
          HttpRequest.newBuilder(URI.create(base + path))
              .timeout(Duration.ofSeconds(30))
              .method(method, body);
      headers.forEach(request::header);
      try {
        var response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Answer(response);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /** What came back. */
  public record Answer(HttpResponse<byte[]> response) {

    public int status() {
      return response.statusCode();
    }

    public String text() {
      return new String(response.body(), StandardCharsets.UTF_8);
    }

    public byte[] bytes() {
      return response.body();
    }

    public JsonNode json() {
      return JSON.readTree(response.body());
    }

    public String header(String name) {
      return response.headers().firstValue(name).orElse(null);
    }

    public String contentType() {
      return header("Content-Type");
    }

    @Override
    public String toString() {
      return status() + " " + text();
    }
  }
}
