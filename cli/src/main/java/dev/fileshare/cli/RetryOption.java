package dev.fileshare.cli;

import picocli.CommandLine.Option;

/** {@code --retries}, for the commands that move bytes. */
final class RetryOption {

  @Option(
      names = "--retries",
      paramLabel = "N",
      defaultValue = "3",
      description = "Tries again this many times when the connection drops (default 3).")
  int retries;

  Retries retries(RootCommand root) {
    if (retries < 0) {
      throw new CliException(Exit.USAGE, "--retries must be 0 or more");
    }
    return new Retries(retries, root.context().err(), root.quiet);
  }
}
