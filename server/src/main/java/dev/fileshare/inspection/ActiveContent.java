package dev.fileshare.inspection;

import java.util.Locale;

/**
 * Something in a document that a reader might run or open instead of only showing it: what the
 * active-content policy ({@code fileshare.inspection.active-content}) is about.
 */
public enum ActiveContent {
  /** JavaScript, in a document-level script or an action. */
  JAVASCRIPT,
  /** An action that starts another program or opens another file. */
  LAUNCH_ACTION,
  /** A file embedded in the document (an attachment), which may be anything. */
  EMBEDDED_FILE,
  /** An action that runs by itself when the document or a page is opened. */
  AUTO_ACTION;

  /** Its name in JSON and in problems. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Its name in words, for a refusal. */
  public String words() {
    return switch (this) {
      case JAVASCRIPT -> "JavaScript";
      case LAUNCH_ACTION -> "an action that launches a program";
      case EMBEDDED_FILE -> "an embedded file";
      case AUTO_ACTION -> "an action that runs when it is opened";
    };
  }
}
