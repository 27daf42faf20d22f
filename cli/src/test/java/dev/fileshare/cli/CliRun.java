package dev.fileshare.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs the command line in this JVM as a person in a terminal-less shell would: its own config
 * directory, environment and standard input; standard output and error captured.
 */
final class CliRun {

  record Result(int exit, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exit + "\n--- out\n" + out + "--- err\n" + err;
    }
  }

  private final Path configDir;
  private final Map<String, String> env = new HashMap<>();

  CliRun(Path configDir) {
    this.configDir = configDir;
  }

  CliRun env(String name, String value) {
    env.put(name, value);
    return this;
  }

  Result run(String... args) {
    return withInput("", args);
  }

  Result withInput(String stdin, String... args) {
    var out = new ByteArrayOutputStream();
    var err = new ByteArrayOutputStream();
    var environment = new HashMap<>(env);
    environment.put("FILESHARE_CONFIG_DIR", configDir.toString());
    var context =
        new Context(
            environment,
            new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            null,
            false,
            configDir);
    var exit = Cli.run(args, context);
    return new Result(
        exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
