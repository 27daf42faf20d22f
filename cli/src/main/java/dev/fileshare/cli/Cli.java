package dev.fileshare.cli;

import picocli.CommandLine;

/** Runs one command line: the commands, their help, and every failure as one line. */
final class Cli {

  private Cli() {}

  static int run(String[] args, Context context) {
    var commandLine = new CommandLine(new RootCommand(context));
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.setOut(new java.io.PrintWriter(context.out(), true));
    commandLine.setErr(new java.io.PrintWriter(context.err(), true));
    commandLine.setExitCodeExceptionMapper(
        e ->
            e instanceof CliException failure
                ? failure.exitCode()
                : e instanceof picocli.CommandLine.ParameterException ? Exit.USAGE : Exit.FAILED);
    commandLine.setExecutionExceptionHandler(
        (e, line, parsed) -> {
          context.err().println("fileshare: " + oneLine(e));
          return line.getExitCodeExceptionMapper().getExitCode(e);
        });
    return commandLine.execute(args);
  }

  private static String oneLine(Exception e) {
    if (e instanceof CliException) {
      return e.getMessage();
    }
    var message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
