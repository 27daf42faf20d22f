package dev.fileshare.cli;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;

/** Writes JSON for scripts: one document, indented. */
final class Json {

  private static final JSON PRETTY = JSON.std.with(JSON.Feature.PRETTY_PRINT_OUTPUT);

  private Json() {}

  static void print(PrintStream out, Object value) {
    try {
      out.println(PRETTY.asString(value));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
