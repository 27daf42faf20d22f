package dev.fileshare.storage.s3;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;

/**
 * Random reads of an object through ranged GETs, with a read-ahead buffer of bounded size: a reader
 * that jumps around (as a PDF parser does) fetches only the windows it touches, never the whole
 * object. Read-only, and for one reader at a time (as a channel for one inspection is).
 */
final class RangedChannel implements SeekableByteChannel {

  /** Reads {@code length} bytes of the object from {@code offset} into {@code into}. */
  interface RangeReader {
    void read(long offset, byte[] into, int length) throws IOException;
  }

  private final RangeReader reader;
  private final long size;
  private final byte[] window;
  private long windowStart;
  private int windowLength;
  private long position;
  private boolean open = true;

  RangedChannel(RangeReader reader, long size, int windowSize) {
    this.reader = reader;
    this.size = size;
    this.window = new byte[(int) Math.max(1, Math.min(windowSize, size))];
  }

  @Override
  public int read(ByteBuffer dst) throws IOException {
    ensureOpen();
    if (position >= size) {
      return -1;
    }
    if (!dst.hasRemaining()) {
      return 0;
    }
    if (position < windowStart || position >= windowStart + windowLength) {
      windowStart = position;
      windowLength = (int) Math.min(window.length, size - position);
      try {
        reader.read(windowStart, window, windowLength);
      } catch (IOException | RuntimeException e) {
        windowLength = 0;
        throw e;
      }
    }
    var from = (int) (position - windowStart);
    var n = Math.min(dst.remaining(), windowLength - from);
    dst.put(window, from, n);
    position += n;
    return n;
  }

  @Override
  public long position() throws IOException {
    ensureOpen();
    return position;
  }

  @Override
  public SeekableByteChannel position(long newPosition) throws IOException {
    ensureOpen();
    if (newPosition < 0) {
      throw new IllegalArgumentException("Negative position");
    }
    position = newPosition;
    return this;
  }

  @Override
  public long size() throws IOException {
    ensureOpen();
    return size;
  }

  @Override
  public int write(ByteBuffer src) {
    throw new NonWritableChannelException();
  }

  @Override
  public SeekableByteChannel truncate(long newSize) {
    throw new NonWritableChannelException();
  }

  @Override
  public boolean isOpen() {
    return open;
  }

  @Override
  public void close() {
    open = false;
  }

  private void ensureOpen() throws ClosedChannelException {
    if (!open) {
      throw new ClosedChannelException();
    }
  }
}
