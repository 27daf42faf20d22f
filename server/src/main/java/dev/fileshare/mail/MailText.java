package dev.fileshare.mail;

import java.util.Locale;

/** Text that goes into mails: one line where a header or a line could be faked, sizes in words. */
final class MailText {

  private MailText() {}

  /** Without line breaks or other control characters (they would end a header or fake a line). */
  static String oneLine(String text) {
    return text.replaceAll("\\p{Cntrl}", " ");
  }

  static String size(long bytes) {
    if (bytes < 1024) {
      return bytes + " bytes";
    }
    if (bytes < 1024 * 1024) {
      return (bytes + 512) / 1024 + " KB";
    }
    return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
  }
}
