package dev.fileshare.inspection.pdf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * The cheap checks before a document is parsed, a few small reads whatever its size: the {@code
 * %PDF-} magic, the {@code %%EOF} marker, and whether the {@code startxref} at its end points at a
 * cross-reference table ({@code xref}) or at an object (a cross-reference stream). A document with
 * such a table is read by following it; one without (no {@code startxref}, or one that points
 * elsewhere) can only be read by scanning all of it for its objects, which costs time in proportion
 * to its size.
 */
final class FirstLook {

  private static final int TAIL = 1024;
  private static final byte[] MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);
  private static final Pattern START_XREF = Pattern.compile("startxref\\s+(\\d{1,15})\\s");
  private static final Pattern AT_XREF = Pattern.compile("\\s*(xref|\\d{1,10}\\s+\\d{1,5}\\s+obj)");

  private FirstLook() {}

  static boolean startsWithMagic(ChannelRandomAccessRead source) throws IOException {
    return Arrays.equals(bytes(source, 0, MAGIC.length), MAGIC);
  }

  /**
   * Whether {@code %%EOF} stands in the last KiB, where every PDF writer puts it and where Acrobat
   * looks for it. Without it the file was cut short; PDFBox alone would often rebuild such a file
   * from what is left and accept it.
   */
  static boolean endsWithEofMarker(ChannelRandomAccessRead source) throws IOException {
    return tail(source).contains("%%EOF");
  }

  /** Whether the document's last {@code startxref} points at a table or a stream. */
  static boolean pointsAtCrossReferences(ChannelRandomAccessRead source) throws IOException {
    var length = source.length();
    var matcher = START_XREF.matcher(tail(source));
    var offset = -1L;
    while (matcher.find()) {
      offset = Long.parseLong(matcher.group(1));
    }
    if (offset < 0 || offset >= length) {
      return false;
    }
    var target = bytes(source, offset, (int) Math.min(64, length - offset));
    return AT_XREF.matcher(new String(target, StandardCharsets.ISO_8859_1)).lookingAt();
  }

  private static String tail(ChannelRandomAccessRead source) throws IOException {
    var start = Math.max(0, source.length() - TAIL);
    return new String(
        bytes(source, start, (int) (source.length() - start)), StandardCharsets.ISO_8859_1);
  }

  /** {@code length} bytes from {@code position}, or fewer if the content ends before. */
  private static byte[] bytes(ChannelRandomAccessRead source, long position, int length)
      throws IOException {
    source.seek(position);
    var bytes = new byte[(int) Math.max(0, Math.min(length, source.length() - position))];
    var read = 0;
    while (read < bytes.length) {
      var n = source.read(bytes, read, bytes.length - read);
      if (n < 0) {
        break;
      }
      read += n;
    }
    source.seek(0);
    return read == bytes.length ? bytes : Arrays.copyOf(bytes, read);
  }
}
