package dev.fileshare.files.web.multipart;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/** One part's body, read straight from the {@link MultipartStream}'s buffer up to the delimiter. */
final class PartBody extends InputStream {

  private final MultipartStream stream;
  private boolean closed;

  PartBody(MultipartStream stream) {
    this.stream = stream;
  }

  @Override
  public int read() throws IOException {
    ensureOpen();
    return stream.readBody();
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    Objects.checkFromIndexSize(off, len, b.length);
    ensureOpen();
    return len == 0 ? 0 : stream.readBody(b, off, len);
  }

  /**
   * The bytes already known to belong to this body, which a read hands out without waiting. The
   * store reads this to decide whether to fill a second buffer while the first is hashed.
   */
  @Override
  public int available() throws IOException {
    ensureOpen();
    return stream.availableBody();
  }

  /** Stops reading; the rest of the body is skipped when the next part is asked for. */
  @Override
  public void close() {
    closed = true;
  }

  private void ensureOpen() throws IOException {
    if (closed) {
      throw new IOException("The part's body is closed.");
    }
  }
}
