package dev.fileshare.resumable;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The body of one PATCH on its way to storage. It stops with {@link LostHoldException} as soon as
 * another writer took the upload over. When the client's connection breaks or goes silent and
 * {@code keepPartial} is set (no checksum to verify), the bytes received so far end the piece as if
 * the body had ended there, so a flaky client resumes from the last byte that arrived.
 */
final class PieceInput extends FilterInputStream {

  private final Hold hold;
  private final boolean keepPartial;
  private volatile boolean clientFailed;

  PieceInput(InputStream body, Hold hold, boolean keepPartial) {
    super(body);
    this.hold = hold;
    this.keepPartial = keepPartial;
  }

  /** Whether reading the client's body failed (and, with {@code keepPartial}, ended the piece). */
  boolean clientFailed() {
    return clientFailed;
  }

  @Override
  public int read() throws IOException {
    var one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    if (hold.lost()) {
      throw new LostHoldException();
    }
    if (clientFailed) {
      return -1;
    }
    try {
      return super.read(buffer, offset, length);
    } catch (IOException e) {
      clientFailed = true;
      if (keepPartial) {
        return -1;
      }
      throw e;
    }
  }

  @Override
  public void close() {
    // the request owns its body
  }

  /** Another writer holds the upload now. */
  static final class LostHoldException extends IOException {
    LostHoldException() {
      super("Another request took the upload over");
    }
  }
}
