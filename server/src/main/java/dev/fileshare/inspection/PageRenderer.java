package dev.fileshare.inspection;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.util.Optional;

/**
 * Draws any page of a document as a picture, for reading without the document itself. Memory spent
 * on one page is bounded as for previews ({@link DocumentRenderer}).
 */
public interface PageRenderer {

  /** The widest picture drawn. */
  int MAX_WIDTH = 2048;

  /**
   * How many pages the document has.
   *
   * @param content the document, read at random positions; not closed here
   * @return the pages; 0 when the document cannot be opened without a password
   * @throws IOException if the document cannot be read
   */
  int pages(SeekableByteChannel content) throws IOException;

  /**
   * Renders one page as a PNG.
   *
   * @param content the document, read at random positions; not closed here
   * @param page the page, from 1
   * @param width the width in pixels, at most {@link #MAX_WIDTH}; a page taller than four times its
   *     width is drawn narrower
   * @param stamp a text to draw across the page and along its foot, or empty
   * @return the PNG; empty when there is no such page or the document needs a password
   * @throws IOException if the document cannot be read or drawn
   */
  Optional<byte[]> page(SeekableByteChannel content, int page, int width, Optional<String> stamp)
      throws IOException;
}
