package dev.fileshare.inspection;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.SeekableByteChannel;

/**
 * Writes a copy of a document with a text stamped on every page, as it goes: the copy is never held
 * whole in memory, and the stored document is not changed.
 */
public interface DocumentStamper {

  /**
   * Writes the stamped copy to {@code out}.
   *
   * @param content the document, read at random positions; not closed here
   * @param stamp the text to draw across each page and along its foot
   * @param out where the copy goes; not closed here
   * @return false, with nothing written, when the document is encrypted and cannot be stamped
   * @throws IOException if the document cannot be read, or writing fails
   */
  boolean stamp(SeekableByteChannel content, String stamp, OutputStream out) throws IOException;
}
