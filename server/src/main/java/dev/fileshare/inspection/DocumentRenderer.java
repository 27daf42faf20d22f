package dev.fileshare.inspection;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.util.List;
import java.util.Map;

/**
 * Draws a document's first page as pictures, for previews. Memory spent on one document is bounded:
 * the picture's size is capped whatever the page's, and decoded streams go to temporary files.
 */
public interface DocumentRenderer {

  /**
   * Renders the first page once for each width.
   *
   * @param content the document, read at random positions; not closed here
   * @param widths the widths in pixels wanted; a page taller than four times its width is drawn
   *     narrower, so that no picture is taller than four times the width asked for
   * @return a PNG for each width, by width; empty when the document has no page that can be drawn
   *     without a password
   * @throws IOException if the document cannot be read or drawn
   */
  Map<Integer, byte[]> firstPage(SeekableByteChannel content, List<Integer> widths)
      throws IOException;
}
