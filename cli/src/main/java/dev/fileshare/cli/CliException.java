package dev.fileshare.cli;

import java.util.Map;

/**
 * A failure shown as one line on standard error, ending the command with {@link #exitCode}; when
 * the server refused a request, its status and problem body too.
 */
final class CliException extends RuntimeException {

  private final int exitCode;
  private final int status;
  private final Map<String, Object> problem;

  CliException(int exitCode, String message) {
    this(exitCode, message, 0, Map.of());
  }

  CliException(int exitCode, String message, int status, Map<String, Object> problem) {
    super(message, null, false, false);
    this.exitCode = exitCode;
    this.status = status;
    this.problem = problem;
  }

  int exitCode() {
    return exitCode;
  }

  /** The HTTP status the server answered; 0 when the failure did not come from an answer. */
  int status() {
    return status;
  }

  Map<String, Object> problem() {
    return problem;
  }
}
