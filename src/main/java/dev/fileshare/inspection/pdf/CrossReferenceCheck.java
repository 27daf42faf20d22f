package dev.fileshare.inspection.pdf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The cheap first look at a document: whether the {@code startxref} at its end points at a
 * cross-reference table ({@code xref}) or at an object (a cross-reference stream). Such a document
 * is read by following its table; one without (no {@code startxref}, or one that points elsewhere)
 * can only be read by scanning all of it for its objects, which costs time in proportion to its
 * size. Three small reads, whatever the document's size.
 */
final class CrossReferenceCheck {

  private static final int TAIL = 1024;
  private static final Pattern START_XREF = Pattern.compile("startxref\\s+(\\d{1,15})\\s");
  private static final Pattern AT_XREF = Pattern.compile("\\s*(xref|\\d{1,10}\\s+\\d{1,5}\\s+obj)");

  private CrossReferenceCheck() {}

  /** Whether the document's last {@code startxref} points at a table or a stream. */
  static boolean pointsAtCrossReferences(ChannelRandomAccessRead source) throws IOException {
    var length = source.length();
    var tailStart = Math.max(0, length - TAIL);
    var tail = text(source, tailStart, (int) (length - tailStart));
    var matcher = START_XREF.matcher(tail);
    var offset = -1L;
    while (matcher.find()) {
      offset = Long.parseLong(matcher.group(1));
    }
    if (offset < 0 || offset >= length) {
      return false;
    }
    var target = text(source, offset, (int) Math.min(64, length - offset));
    return AT_XREF.matcher(target).lookingAt();
  }

  private static String text(ChannelRandomAccessRead source, long position, int length)
      throws IOException {
    source.seek(position);
    var bytes = new byte[length];
    var read = 0;
    while (read < length) {
      var n = source.read(bytes, read, length - read);
      if (n < 0) {
        break;
      }
      read += n;
    }
    source.seek(0);
    return new String(bytes, 0, read, StandardCharsets.ISO_8859_1);
  }
}
