package dev.fileshare.support;

import dev.fileshare.FileShareApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One server node in the test JVM, on a random port, with a data directory of its own, mail going
 * to GreenMail and the settings it is given (a database and a bucket that several nodes share).
 */
public final class Node implements AutoCloseable {

  private final ConfigurableApplicationContext context;

  private Node(ConfigurableApplicationContext context) {
    this.context = context;
  }

  /** Starts a node; {@code settings} win over the defaults here and over application.yml. */
  public static Node start(Map<String, String> settings) {
    try {
      var arguments = new ArrayList<String>();
      var defaults =
          Map.of(
              "server.port", "0",
              "fileshare.data-dir", Files.createTempDirectory("fileshare-node-").toString(),
              "fileshare.public-url", TestEnvironment.PUBLIC_URL,
              "spring.mail.host", "127.0.0.1",
              "spring.mail.port", Integer.toString(TestPeers.smtp().getSmtp().getPort()),
              "fileshare.mail.poll-interval", "100ms",
              "spring.lifecycle.timeout-per-shutdown-phase", "2s");
      defaults.forEach(
          (key, value) -> {
            if (!settings.containsKey(key)) {
              arguments.add("--" + key + "=" + value);
            }
          });
      settings.forEach((key, value) -> arguments.add("--" + key + "=" + value));
      return new Node(
          new SpringApplicationBuilder(FileShareApplication.class)
              .run(arguments.toArray(String[]::new)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The settings of the S3 store in {@link S3TestServer}, for a bucket. */
  public static Map<String, String> s3(String bucket) {
    return Map.of(
        "fileshare.storage.s3.endpoint",
        S3TestServer.endpoint().toString(),
        "fileshare.storage.s3.bucket",
        bucket,
        "fileshare.storage.s3.access-key",
        S3TestServer.ACCESS_KEY,
        "fileshare.storage.s3.secret-key",
        S3TestServer.SECRET_KEY,
        "fileshare.storage.s3.path-style",
        "true");
  }

  /** The settings of a PostgreSQL database of {@link TestPeers}. */
  public static Map<String, String> postgres(String url) {
    return Map.of(
        "spring.datasource.url", url,
        "spring.datasource.username", "postgres",
        "spring.datasource.password", "postgres");
  }

  public int port() {
    return ((WebServerApplicationContext) context).getWebServer().getPort();
  }

  public Api api() {
    return new Api(port());
  }

  public <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  @Override
  public void close() {
    context.close();
  }

  /** Settings merged left to right (later maps win). */
  @SafeVarargs
  public static Map<String, String> merged(Map<String, String>... all) {
    var merged = new java.util.LinkedHashMap<String, String>();
    List.of(all).forEach(merged::putAll);
    return merged;
  }
}
