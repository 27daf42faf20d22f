package dev.fileshare.files;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The request body, remembering whether reading it failed, so that a client that went away (or sent
 * a malformed body) is told apart from a failing disk.
 */
final class ClientInput extends FilterInputStream {

  private volatile boolean failed;

  ClientInput(InputStream in) {
    super(in);
  }

  boolean failed() {
    return failed;
  }

  @Override
  public int read() throws IOException {
    try {
      return super.read();
    } catch (IOException e) {
      failed = true;
      throw e;
    }
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    try {
      return super.read(buffer, offset, length);
    } catch (IOException e) {
      failed = true;
      throw e;
    }
  }

  @Override
  public void close() {
    // The caller of the upload owns the request body.
  }
}
