package dev.fileshare.cli;

/** The exit statuses, the same for every command (listed in the README). */
final class Exit {

  static final int OK = 0;

  /** The server refused the request (4xx other than below) or failed (5xx), or a local error. */
  static final int FAILED = 1;

  /** The command line is wrong: unknown command or option, missing argument. */
  static final int USAGE = 2;

  /** Not signed in, a wrong password or code, or a token or key the server no longer takes. */
  static final int AUTH = 3;

  /** No such file (or not one you may see). */
  static final int NOT_FOUND = 4;

  /** The server cannot be reached: refused, timed out, the connection dropped. */
  static final int UNREACHABLE = 5;

  /** What arrived does not have the SHA-256 the server gives for it. */
  static final int CHECKSUM = 6;

  private Exit() {}
}
