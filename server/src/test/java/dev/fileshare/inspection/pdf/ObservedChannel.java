package dev.fileshare.inspection.pdf;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A read-only file channel that counts its reads, and slows down those made while parsing (on the
 * inspector's threads).
 */
final class ObservedChannel implements SeekableByteChannel {

  private static final AtomicInteger readingNow = new AtomicInteger();
  private static final AtomicInteger mostReadingAtOnce = new AtomicInteger();

  private final FileChannel file;
  private final Duration delay;
  private final AtomicInteger reads = new AtomicInteger();

  ObservedChannel(Path path, Duration delay) throws IOException {
    this.file = FileChannel.open(path);
    this.delay = delay;
  }

  int reads() {
    return reads.get();
  }

  /**
   * The most reads that ran at the same time on parsing threads, over every channel, since the last
   * reset.
   */
  static int mostReadingAtOnce() {
    return mostReadingAtOnce.get();
  }

  static void resetCounts() {
    mostReadingAtOnce.set(0);
  }

  @Override
  public int read(ByteBuffer dst) throws IOException {
    reads.incrementAndGet();
    var parsing = Thread.currentThread().getName().startsWith("pdf-inspection-");
    if (parsing) {
      mostReadingAtOnce.accumulateAndGet(readingNow.incrementAndGet(), Math::max);
    }
    try {
      if (parsing) {
        Thread.sleep(delay.toMillis());
      }
      return file.read(dst);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException();
    } finally {
      if (parsing) {
        readingNow.decrementAndGet();
      }
    }
  }

  @Override
  public int write(ByteBuffer src) {
    throw new NonWritableChannelException();
  }

  @Override
  public long position() throws IOException {
    return file.position();
  }

  @Override
  public SeekableByteChannel position(long newPosition) throws IOException {
    file.position(newPosition);
    return this;
  }

  @Override
  public long size() throws IOException {
    return file.size();
  }

  @Override
  public SeekableByteChannel truncate(long size) {
    throw new NonWritableChannelException();
  }

  @Override
  public boolean isOpen() {
    return file.isOpen();
  }

  @Override
  public void close() throws IOException {
    file.close();
  }
}
