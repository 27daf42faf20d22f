package dev.fileshare.storage.s3;

import java.io.FilterInputStream;
import java.io.IOException;
import software.amazon.awssdk.core.ResponseInputStream;

/**
 * An object's bytes as the SDK streams them. Closed before its end (a client that stops
 * downloading), it aborts the HTTP connection instead of reading the rest of the object only to
 * reuse the connection.
 */
final class ObjectStream extends FilterInputStream {

  private final ResponseInputStream<?> response;
  private boolean ended;

  ObjectStream(ResponseInputStream<?> response) {
    super(response);
    this.response = response;
  }

  @Override
  public int read() throws IOException {
    var b = super.read();
    ended |= b < 0;
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    var n = super.read(b, off, len);
    ended |= n < 0;
    return n;
  }

  @Override
  public void close() throws IOException {
    if (!ended) {
      response.abort();
    }
    super.close();
  }
}
