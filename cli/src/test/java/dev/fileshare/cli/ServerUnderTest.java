package dev.fileshare.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The server's runnable jar, from the same build, started as a process of its own on a free port
 * with its data in a temporary folder (SQLite, local disk, mails in its log); and the few API calls
 * the tests make around the command line (registering people, two-factor set-up, API keys).
 */
final class ServerUnderTest implements AutoCloseable {

  static final String PASSWORD = "violet kettles hum beneath 9 lanterns";

  private final Process process;
  private final Path log;
  private final int port;
  private final HttpClient http = HttpClient.newHttpClient();

  private ServerUnderTest(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.port = port;
  }

  static ServerUnderTest start(Path directory) throws Exception {
    var jar = System.getProperty("fileshare.server.jar");
    assertThat(jar).as("-Dfileshare.server.jar (set by the build)").isNotNull();
    assertThat(Path.of(jar)).as("the server's jar, built before this module").exists();
    var port = freePort();
    var log = directory.resolve("server.log");
    var builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m",
                "-jar",
                jar)
            .directory(directory.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    var env = builder.environment();
    env.put("SERVER_PORT", String.valueOf(port));
    env.put("FILESHARE_DATA_DIR", directory.resolve("data").toString());
    env.put("FILESHARE_PUBLIC_URL", "http://127.0.0.1:" + port);
    env.put("FILESHARE_MAX_UPLOAD_SIZE", "4GB");
    var server = new ServerUnderTest(builder.start(), log, port);
    server.awaitUp();
    return server;
  }

  String url() {
    return "http://127.0.0.1:" + port;
  }

  int port() {
    return port;
  }

  private void awaitUp() throws Exception {
    var deadline = Instant.now().plus(Duration.ofSeconds(90));
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("The server stopped:\n" + Files.readString(log));
      }
      try {
        var status = call("GET", "/api/user/me/", null, null).statusCode();
        if (status == 401) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("The server did not start:\n" + Files.readString(log));
  }

  /** Registers someone and confirms the address with the link in the server's log. */
  void register(String username) throws Exception {
    var email = username + "@example.org";
    var registered =
        call(
            "POST",
            "/api/user/register/",
            null,
            Map.of("username", username, "password", PASSWORD, "email", email));
    assertThat(registered.statusCode()).as(registered.body()).isIn(200, 201);
    var link =
        Pattern.compile("To: " + Pattern.quote(email) + "[\\s\\S]*?/verify-email/([0-9a-f]+)");
    var deadline = Instant.now().plus(Duration.ofSeconds(20));
    while (Instant.now().isBefore(deadline)) {
      var matcher = link.matcher(Files.readString(log));
      if (matcher.find()) {
        var verified = call("POST", "/api/verify-email/" + matcher.group(1) + "/", null, null);
        assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("No verification mail for " + email + " in the server's log");
  }

  String signIn(String username) throws Exception {
    var answer =
        call("POST", "/api/user/login/", null, Map.of("username", username, "password", PASSWORD));
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return (String) JSON.std.mapFrom(answer.body()).get("token");
  }

  HttpResponse<String> call(String method, String path, String token, Map<String, ?> json)
      throws IOException, InterruptedException {
    var request =
        HttpRequest.newBuilder(URI.create(url() + path))
            .header("Accept", "application/json")
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(JSON.std.asString(json)));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    if (token != null) {
      request.header("Authorization", "Token " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  Map<String, Object> json(String method, String path, String token, Map<String, ?> body)
      throws Exception {
    var answer = call(method, path, token, body);
    assertThat(answer.statusCode())
        .as(method + " " + path + ": " + answer.body())
        .isBetween(200, 299);
    return answer.body().isBlank() ? Map.of() : JSON.std.mapFrom(answer.body());
  }

  String log() throws IOException {
    return Files.readString(log);
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }

  static int freePort() throws IOException {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
