package dev.fileshare.storage.local;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Objects;

/** Reads {@code length} bytes of a file from {@code offset}, then reports the end. */
final class RangeInputStream extends InputStream {

  private final FileChannel channel;
  private long position;
  private long remaining;

  RangeInputStream(FileChannel channel, long offset, long length) {
    this.channel = channel;
    this.position = offset;
    this.remaining = length;
  }

  @Override
  public int read() throws IOException {
    var one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    Objects.checkFromIndexSize(off, len, b.length);
    if (len == 0) {
      return 0;
    }
    if (remaining <= 0) {
      return -1;
    }
    var n = channel.read(ByteBuffer.wrap(b, off, (int) Math.min(len, remaining)), position);
    if (n < 0) {
      // the file is shorter than the range promised; blobs never change, so this is damage
      throw new IOException("Blob ended " + remaining + " bytes early");
    }
    position += n;
    remaining -= n;
    return n;
  }

  @Override
  public long skip(long n) {
    var skipped = Math.max(0, Math.min(n, remaining));
    position += skipped;
    remaining -= skipped;
    return skipped;
  }

  @Override
  public int available() {
    return (int) Math.min(remaining, Integer.MAX_VALUE);
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
