package dev.fileshare.inspection;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;

/**
 * Reads what is inside a stored document: its facts and the text of its pages. Decoded streams go
 * to temporary files, so memory does not grow with the document. Neither method bounds its time:
 * the caller stops a read that takes too long by closing the channel (the next read fails) and
 * interrupting the thread (checked between pages).
 */
public interface DocumentReader {

  /**
   * The document's facts.
   *
   * @param content the document, read at random positions; not closed here
   * @throws IOException if it cannot be read as a document
   */
  DocumentFacts facts(SeekableByteChannel content) throws IOException;

  /**
   * Gives the text of each page, in order, from page 1 up to {@code maxPages}. A document that
   * needs a password to open gives no pages.
   *
   * @param content the document, read at random positions; not closed here
   * @param pages is given each page's number and text (empty for a page without text)
   * @return the number of pages given
   * @throws IOException if it cannot be read as a document, or from {@code pages}
   */
  int text(SeekableByteChannel content, int maxPages, Pages pages) throws IOException;

  /** Where the text of the pages goes. */
  @FunctionalInterface
  interface Pages {
    void page(int number, String text) throws IOException;
  }
}
