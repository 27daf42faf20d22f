package dev.fileshare.storage;

import java.io.IOException;

/** The content was longer than the limit; nothing was kept. */
public class BlobTooLargeException extends IOException {

  private final long limit;

  public BlobTooLargeException(long limit) {
    super("Content exceeds " + limit + " bytes");
    this.limit = limit;
  }

  public long limit() {
    return limit;
  }
}
