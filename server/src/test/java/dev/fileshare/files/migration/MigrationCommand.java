package dev.fileshare.files.migration;

import dev.fileshare.FileShareApplication;
import dev.fileshare.support.Commands;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.env.Environment;

/**
 * {@code migrate-storage} with the settings of the server under test (its database, data directory
 * and both stores), as an operator runs it beside the serving nodes: in this JVM, or in a JVM of
 * its own that a test can kill.
 */
final class MigrationCommand {

  private final List<String> arguments = new ArrayList<>();
  private final Path dataDir;

  MigrationCommand(Environment server, String target) {
    arguments.add("migrate-storage");
    arguments.add("--to");
    arguments.add(target);
    settings(server).forEach((key, value) -> arguments.add("--" + key + "=" + value));
    arguments.add("--spring.main.banner-mode=off");
    this.dataDir = Path.of(server.getRequiredProperty("fileshare.data-dir"));
  }

  /** The server's database, data directory and store settings, for another node or a command. */
  static Map<String, String> settings(Environment server) {
    var settings = new LinkedHashMap<String, String>();
    for (var key : Commands.SHARED_SETTINGS) {
      var value = server.getProperty(key);
      if (value != null) {
        settings.put(key, value);
      }
    }
    return settings;
  }

  /** Runs the command in this JVM and answers its exit code. */
  int run() {
    return FileShareApplication.runCommand(arguments.toArray(String[]::new));
  }

  /** Starts the command in a JVM of its own, its output in a log file of the data directory. */
  Process start() throws IOException {
    var command = new ArrayList<String>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(FileShareApplication.class.getName());
    command.addAll(arguments);
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(Files.createTempFile(dataDir, "migrate-storage-", ".log").toFile())
        .start();
  }
}
