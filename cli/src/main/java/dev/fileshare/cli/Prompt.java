package dev.fileshare.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Asks for what a command needs: on the terminal (a secret without echo), or line by line from
 * standard input for scripts ({@code --password-stdin}).
 */
final class Prompt {

  private final Context context;
  private @Nullable BufferedReader stdin;

  Prompt(Context context) {
    this.context = context;
  }

  /** The next line of standard input, without its line end; what it is says what is missing. */
  String stdinLine(String what) {
    try {
      if (stdin == null) {
        stdin = new BufferedReader(new InputStreamReader(context.in(), StandardCharsets.UTF_8));
      }
      var line = stdin.readLine();
      if (line == null || line.isEmpty()) {
        throw new CliException(Exit.USAGE, "Standard input ended before " + what);
      }
      return line;
    } catch (IOException e) {
      throw new CliException(Exit.FAILED, "Cannot read standard input: " + e.getMessage());
    }
  }

  String line(String prompt, String option) {
    var console = context.console();
    if (console == null) {
      throw new CliException(Exit.USAGE, "No terminal to ask on: give " + option);
    }
    var line = console.readLine("%s", prompt);
    if (line == null || line.isBlank()) {
      throw new CliException(Exit.USAGE, "Nothing was given");
    }
    return line.strip();
  }

  String secret(String prompt, String option) {
    var console = context.console();
    if (console == null) {
      throw new CliException(Exit.USAGE, "No terminal to ask on: give " + option);
    }
    var secret = console.readPassword("%s", prompt);
    if (secret == null || secret.length == 0) {
      throw new CliException(Exit.USAGE, "Nothing was given");
    }
    return new String(secret);
  }
}
