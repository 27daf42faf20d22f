package dev.fileshare.inspection;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.util.Set;

/** Decides what a document is from its bytes. Memory and time spent on one document are bounded. */
public interface DocumentInspector {

  /**
   * Inspects a document.
   *
   * @param content the document, read at random positions from its start whatever its position; not
   *     closed here, and no longer touched once this method returns
   * @param allowedTypes media types that are accepted, for example {@code application/pdf}
   * @return the detected media type, one of {@code allowedTypes}
   * @throws UnacceptableContentException if the content is not one of the allowed types, or cannot
   *     be parsed as one within the limits
   */
  String inspect(SeekableByteChannel content, Set<String> allowedTypes) throws IOException;

  /** What happens to documents with active content, as configured. */
  ActiveContentPolicy activeContentPolicy();

  /** The content was refused; the message says why, in words for the client. */
  class UnacceptableContentException extends IOException {
    public UnacceptableContentException(String message) {
      super(message);
    }
  }
}
