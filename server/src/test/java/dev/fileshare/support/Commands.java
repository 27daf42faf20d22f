package dev.fileshare.support;

import dev.fileshare.FileShareApplication;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.env.Environment;

/**
 * Runs a command of the jar ({@code quota}, {@code reindex}, {@code verify-storage}, {@code
 * backup}...) as an operator runs it beside the server: in this JVM, with the server's database,
 * data directory and store settings, unless the words give one of them themselves.
 */
public final class Commands {

  /** The server's settings a command run beside it shares: its database, data and stores. */
  public static final List<String> SHARED_SETTINGS =
      List.of(
          "fileshare.data-dir",
          "spring.datasource.url",
          "spring.datasource.username",
          "spring.datasource.password",
          "fileshare.storage.type",
          "fileshare.storage.s3.endpoint",
          "fileshare.storage.s3.bucket",
          "fileshare.storage.s3.access-key",
          "fileshare.storage.s3.secret-key",
          "fileshare.storage.s3.path-style",
          "fileshare.storage.s3.part-size");

  private Commands() {}

  /** The command's exit code. */
  public static int run(Environment server, String... words) {
    var arguments = new ArrayList<>(List.of(words));
    for (var key : SHARED_SETTINGS) {
      var value = server.getProperty(key);
      var given = arguments.stream().anyMatch(word -> word.startsWith("--" + key + "="));
      if (value != null && !given) {
        arguments.add("--" + key + "=" + value);
      }
    }
    arguments.add("--spring.main.banner-mode=off");
    return FileShareApplication.runCommand(arguments.toArray(String[]::new));
  }
}
