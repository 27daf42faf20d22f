package dev.fileshare.cli;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The server's JSON API over {@link HttpClient}: requests with the sign-in's token, answers as maps
 * and lists, and every refusal turned into a {@link CliException} that carries the server's problem
 * detail and the exit status that fits it.
 */
final class Api {

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
  private static final int MAX_PROBLEM_BYTES = 64 * 1024;

  /** Names the command line in the server's list of the user's sign-ins ("fileshare-cli"). */
  static final String USER_AGENT = "fileshare-cli/" + Version.number();

  private static final Pattern NEXT_LINK = Pattern.compile("<([^>]*)>\\s*;\\s*rel=\"?next\"?");

  private final URI server;
  private final @Nullable String token;
  private final HttpClient http;

  Api(URI server, @Nullable String token) {
    this.server = server;
    this.token = token;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  URI server() {
    return server;
  }

  @Nullable String token() {
    return token;
  }

  /** The server's URL with {@code path} (which starts with a slash) after it. */
  URI uri(String path) {
    return URI.create(server + path);
  }

  HttpRequest.Builder request(String path) {
    return request(uri(path));
  }

  HttpRequest.Builder request(URI uri) {
    var builder =
        HttpRequest.newBuilder(uri)
            .header("Accept", "application/json")
            .header("User-Agent", USER_AGENT)
            .timeout(REQUEST_TIMEOUT);
    if (token != null) {
      builder.header("Authorization", "Token " + token);
    }
    return builder;
  }

  Map<String, Object> getObject(String path) {
    return object(send(request(path).GET()));
  }

  Map<String, Object> postJson(String path, Map<String, ?> body) {
    return object(send(request(path).header("Content-Type", "application/json").POST(json(body))));
  }

  Map<String, Object> patchJson(String path, Map<String, ?> body) {
    return object(
        send(request(path).header("Content-Type", "application/json").method("PATCH", json(body))));
  }

  void delete(String path) {
    send(request(path).DELETE()).close();
  }

  /** A page of a list and the address of the next one, from its {@code Link} header. */
  record Page(List<Object> items, Optional<URI> next) {}

  Page page(URI uri) {
    var response = send(request(uri).GET());
    var next =
        response.headers().allValues("Link").stream()
            .map(NEXT_LINK::matcher)
            .filter(java.util.regex.Matcher::find)
            .map(m -> uri.resolve(m.group(1)))
            .findFirst();
    return new Page(list(response), next);
  }

  /**
   * Sends the request; an answer of 400 or more becomes a {@link CliException}. The caller closes
   * the body of a success.
   */
  Response send(HttpRequest.Builder request) {
    var built = request.build();
    HttpResponse<InputStream> response;
    try {
      response = http.send(built, HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      throw unreachable(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException(Exit.FAILED, "Interrupted");
    }
    if (response.statusCode() >= 400) {
      throw refused(response.statusCode(), readProblem(response.body()));
    }
    return new Response(response);
  }

  /** An answer of 2xx or 3xx, with its body still to read. */
  static final class Response implements AutoCloseable {
    private final HttpResponse<InputStream> response;

    Response(HttpResponse<InputStream> response) {
      this.response = response;
    }

    int status() {
      return response.statusCode();
    }

    java.net.http.HttpHeaders headers() {
      return response.headers();
    }

    InputStream body() {
      return response.body();
    }

    @Override
    public void close() {
      try {
        response.body().close();
      } catch (IOException ignored) {
        // nothing was left to read that matters
      }
    }
  }

  CliException unreachable(IOException e) {
    String reason;
    if (e instanceof ConnectException) {
      reason = "the connection was refused";
    } else if (e instanceof HttpConnectTimeoutException) {
      reason = "no answer within " + CONNECT_TIMEOUT.toSeconds() + " s";
    } else if (e instanceof HttpTimeoutException) {
      reason = "no answer within " + REQUEST_TIMEOUT.toSeconds() + " s";
    } else if (e.getCause() instanceof UnresolvedAddressException) {
      reason = "its name does not resolve";
    } else {
      reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
    return new CliException(Exit.UNREACHABLE, "Cannot reach " + server + ": " + reason);
  }

  /** The exit status and one line for an answer of 400 or more. */
  static CliException refused(int status, Map<String, Object> problem) {
    var message = message(problem, status);
    return switch (status) {
      case 401 ->
          new CliException(
              Exit.AUTH,
              "The server no longer accepts this sign-in (" + message + "): run fileshare login",
              status,
              problem);
      case 404 -> new CliException(Exit.NOT_FOUND, message, status, problem);
      default -> new CliException(Exit.FAILED, message + " (HTTP " + status + ")", status, problem);
    };
  }

  /**
   * The sentence a problem answer carries: its {@code detail}, its {@code error}, the first message
   * of a member that names a field ({@code {"pdf": ["No file was submitted."]}}), or its title.
   */
  static String message(Map<String, Object> problem, int status) {
    if (problem.get("detail") instanceof String detail && !detail.isBlank()) {
      return detail;
    }
    if (problem.get("error") instanceof String error && !error.isBlank()) {
      return error;
    }
    for (var entry : problem.entrySet()) {
      if (entry.getValue() instanceof List<?> messages
          && !messages.isEmpty()
          && messages.get(0) instanceof String first) {
        return entry.getKey() + ": " + first;
      }
    }
    if (problem.get("title") instanceof String title) {
      return title;
    }
    return "The server answered " + status;
  }

  static Map<String, Object> readProblem(InputStream body) {
    try (body) {
      var text = new String(body.readNBytes(MAX_PROBLEM_BYTES), StandardCharsets.UTF_8);
      return text.isBlank() ? Map.of() : JSON.std.mapFrom(text);
    } catch (IOException notJson) {
      return Map.of();
    }
  }

  private static HttpRequest.BodyPublisher json(Map<String, ?> body) {
    try {
      return HttpRequest.BodyPublishers.ofString(JSON.std.asString(body));
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private Map<String, Object> object(Response response) {
    try (response) {
      if (response.status() == 204) {
        return Map.of();
      }
      return JSON.std.mapFrom(response.body());
    } catch (IOException e) {
      throw answerUnreadable(e);
    }
  }

  private List<Object> list(Response response) {
    try (response) {
      return JSON.std.listFrom(response.body());
    } catch (IOException e) {
      throw answerUnreadable(e);
    }
  }

  private CliException answerUnreadable(IOException e) {
    return new CliException(
        Exit.UNREACHABLE, "The answer from " + server + " could not be read: " + e.getMessage());
  }
}
