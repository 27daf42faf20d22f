package dev.fileshare.inspection.pdf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.util.Objects;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.io.RandomAccessReadView;

/**
 * Lets PDFBox read a {@link SeekableByteChannel} at random positions through one small buffer, so
 * that a document of any size costs the same memory.
 *
 * <p>Closing it does not close the channel (the channel stays its owner's); it only stops every
 * further read. Reads and {@link #close} take the same lock, so once {@code close} returns the
 * channel is never touched again, even by a parse still running on another thread.
 */
final class ChannelRandomAccessRead implements RandomAccessRead {

  private static final int BUFFER_SIZE = 64 * 1024;

  private final SeekableByteChannel channel;
  private final long length;
  private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_SIZE);
  private long bufferStart;
  private long position;
  private volatile boolean closed;

  ChannelRandomAccessRead(SeekableByteChannel channel) throws IOException {
    this.channel = channel;
    this.length = channel.size();
    buffer.limit(0);
  }

  @Override
  public synchronized int read() throws IOException {
    if (!fill()) {
      return -1;
    }
    var b = buffer.get((int) (position - bufferStart)) & 0xff;
    position++;
    return b;
  }

  /** Reads as many of {@code len} bytes as the content has left, like PDFBox's own readers. */
  @Override
  public synchronized int read(byte[] b, int off, int len) throws IOException {
    Objects.checkFromIndexSize(off, len, b.length);
    if (len == 0) {
      return 0;
    }
    var total = 0;
    while (total < len && fill()) {
      var offsetInBuffer = (int) (position - bufferStart);
      var n = Math.min(len - total, buffer.limit() - offsetInBuffer);
      buffer.get(offsetInBuffer, b, off + total, n);
      position += n;
      total += n;
    }
    return total == 0 ? -1 : total;
  }

  /** Makes the byte at {@link #position} available in the buffer; false at the end. */
  private boolean fill() throws IOException {
    ensureOpen();
    if (position >= length) {
      return false;
    }
    if (position >= bufferStart && position < bufferStart + buffer.limit()) {
      return true;
    }
    buffer.clear();
    channel.position(position);
    while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
      // a channel may return fewer bytes than asked for
    }
    buffer.flip();
    bufferStart = position;
    if (buffer.limit() == 0) {
      throw new IOException("The content ended before its announced size");
    }
    return true;
  }

  @Override
  public synchronized long getPosition() throws IOException {
    ensureOpen();
    return position;
  }

  @Override
  public synchronized void seek(long newPosition) throws IOException {
    ensureOpen();
    if (newPosition < 0) {
      throw new IOException("Negative position " + newPosition);
    }
    position = newPosition;
  }

  @Override
  public long length() throws IOException {
    ensureOpen();
    return length;
  }

  @Override
  public synchronized boolean isEOF() throws IOException {
    ensureOpen();
    return position >= length;
  }

  @Override
  public synchronized boolean isClosed() {
    return closed;
  }

  @Override
  public synchronized void close() {
    closed = true;
  }

  @Override
  public RandomAccessReadView createView(long startPosition, long streamLength) throws IOException {
    ensureOpen();
    return new RandomAccessReadView(this, startPosition, streamLength);
  }

  private void ensureOpen() throws IOException {
    if (closed) {
      throw new IOException("Closed");
    }
  }
}
