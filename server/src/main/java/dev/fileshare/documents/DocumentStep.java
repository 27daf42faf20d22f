package dev.fileshare.documents;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;

/**
 * One thing the background job does with a document's content once it is stored: read its facts,
 * index its text, render its previews. Each step is a bean; the job runs every step on the content,
 * and a document is done when every step is.
 */
interface DocumentStep {

  /**
   * Does this step for the content.
   *
   * @param fileId the file
   * @param sha256 the SHA-256 of the content, lower-case hex: what the results describe
   * @param content opens the content for reading at random positions; the step closes what it opens
   * @throws IOException if the step could not be done now; the job tries again later
   */
  void run(long fileId, String sha256, Content content) throws IOException;

  /** Removes what this step keeps for the file, when the file is gone for good. */
  void forget(long fileId);

  /** The way to a document's bytes. */
  @FunctionalInterface
  interface Content {
    SeekableByteChannel open() throws IOException;
  }
}
