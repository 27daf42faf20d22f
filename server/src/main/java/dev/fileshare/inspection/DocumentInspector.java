package dev.fileshare.inspection;

import dev.fileshare.shared.UserId;
import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Decides what a document is from its bytes. Memory, time and temporary disk spent on one document
 * are bounded, and so is the share of the inspection's capacity one user's documents may hold at
 * once.
 */
public interface DocumentInspector {

  /**
   * Inspects a document.
   *
   * @param content the document, read at random positions from its start whatever its position; not
   *     closed here, and no longer touched once this method returns
   * @param allowedTypes media types that are accepted, for example {@code application/pdf}
   * @param uploader whose upload it is (for a file request: the request's owner): the account whose
   *     share of the inspection's capacity it takes
   * @return the detected media type, one of {@code allowedTypes}
   * @throws UnacceptableContentException if the content is not one of the allowed types, or cannot
   *     be parsed as one within the limits
   * @throws ActiveContentException if the content holds active content and the policy is {@link
   *     ActiveContentPolicy#REJECT}
   */
  String inspect(SeekableByteChannel content, Set<String> allowedTypes, UserId uploader)
      throws IOException;

  /** What happens to documents with active content, as configured. */
  ActiveContentPolicy activeContentPolicy();

  /** The content was refused; the message says why, in words for the client. */
  class UnacceptableContentException extends IOException {
    public UnacceptableContentException(String message) {
      super(message);
    }
  }

  /** The content holds active content, which the policy refuses; the message names it in words. */
  class ActiveContentException extends UnacceptableContentException {
    private final Set<ActiveContent> found;

    public ActiveContentException(Set<ActiveContent> found) {
      super(describe(found));
      this.found = Collections.unmodifiableSet(EnumSet.copyOf(found));
    }

    /** What was found, never empty. */
    public Set<ActiveContent> found() {
      return found;
    }

    private static String describe(Set<ActiveContent> found) {
      var words = EnumSet.copyOf(found).stream().map(ActiveContent::words).toList();
      var list =
          words.size() == 1
              ? words.get(0)
              : String.join(", ", words.subList(0, words.size() - 1))
                  + " and "
                  + words.get(words.size() - 1);
      return "The PDF contains " + list + ", which this server does not accept.";
    }
  }
}
