package dev.fileshare.cli;

import io.tus.java.client.ProtocolException;
import java.io.IOException;
import java.io.PrintStream;
import java.util.function.Supplier;

/**
 * Runs a transfer again when the connection drops or the server is briefly away (after 1, 2, 4 …
 * seconds), at most {@code --retries} more times; each try goes on from where the last one stopped.
 * When the tries are used up, the one line says how far it got and that running the same command
 * again goes on from there.
 */
final class Retries {

  interface Attempt<T> {
    T run() throws IOException, ProtocolException;
  }

  private final int retries;
  private final PrintStream err;
  private final boolean quiet;

  Retries(int retries, PrintStream err, boolean quiet) {
    this.retries = retries;
    this.err = err;
    this.quiet = quiet;
  }

  <T> T run(String what, Attempt<T> attempt, Supplier<String> where) {
    for (var tried = 0; ; tried++) {
      String reason;
      try {
        return attempt.run();
      } catch (ProtocolException e) {
        if (!e.shouldRetry()) {
          throw Uploads.refused(e);
        }
        reason = e.getMessage();
      } catch (IOException e) {
        reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      } catch (CliException e) {
        if (e.exitCode() != Exit.UNREACHABLE && e.status() < 500) {
          throw e;
        }
        reason = e.getMessage();
      }
      if (tried >= retries) {
        throw new CliException(
            Exit.UNREACHABLE,
            what
                + " stopped "
                + where.get()
                + " ("
                + reason
                + "): run the same command again to go on from there");
      }
      var wait = 1L << Math.min(tried, 5);
      if (!quiet) {
        err.println(
            "fileshare: "
                + what
                + " stopped "
                + where.get()
                + " ("
                + reason
                + "); trying again in "
                + wait
                + " s");
      }
      try {
        Thread.sleep(wait * 1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CliException(Exit.FAILED, "Interrupted");
      }
    }
  }
}
