package dev.fileshare.cli;

import java.io.Console;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a command reads and writes besides the server: the environment, the standard streams, the
 * terminal (absent when the input or output is redirected) and where the sign-ins are kept.
 *
 * @param console the terminal to ask for a password without echo; {@code null} when there is none
 * @param terminal whether progress bars may be drawn (the output is a terminal that draws them)
 */
record Context(
    Map<String, String> env,
    InputStream in,
    PrintStream out,
    PrintStream err,
    @Nullable Console console,
    boolean terminal,
    Path configDir) {

  static Context system() {
    var env = System.getenv();
    var console = System.console();
    var terminal =
        console != null && isTerminal(console) && !"dumb".equals(env.getOrDefault("TERM", "dumb"));
    return new Context(
        env, System.in, System.out, System.err, console, terminal, configDir(env, userHome()));
  }

  /** {@code FILESHARE_CONFIG_DIR}, or {@code fileshare} in the XDG config directory. */
  static Path configDir(Map<String, String> env, Path home) {
    var explicit = env.get("FILESHARE_CONFIG_DIR");
    if (explicit != null && !explicit.isBlank()) {
      return Path.of(explicit);
    }
    var xdg = env.get("XDG_CONFIG_HOME");
    var base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".config");
    return base.resolve("fileshare");
  }

  private static Path userHome() {
    return Path.of(System.getProperty("user.home"));
  }

  /**
   * From Java 22 on, {@link System#console()} answers even when the streams are redirected; {@code
   * Console.isTerminal()} (22+) says whether it is a terminal. Before 22 a console is one.
   */
  private static boolean isTerminal(Console console) {
    try {
      return (boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException notBefore22) {
      return true;
    }
  }
}
