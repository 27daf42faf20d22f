package dev.fileshare.storage.internal;

import dev.fileshare.shared.Sha256;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * Computes the SHA-256 of a stream on another thread while the caller reads and writes it, through
 * a small ring of buffers. The caller takes a buffer ({@link #next}), fills it, hands it over
 * ({@link #hash}) and may go on reading it (to write it out) until it takes the buffer again; a
 * buffer comes back to the ring only when its bytes are hashed. Chunks are hashed in the order they
 * are handed over.
 *
 * <p>Only the first buffer is allocated up front; more (up to the ring's size) only when the caller
 * says that the source has more bytes ready, so a slow upload keeps one buffer. Hashing runs as
 * short tasks on an {@link Executor}, one chunk after another, never blocking, so an upload that
 * waits for its client holds no thread. Used by one thread at a time; {@link #close} (always call
 * it) stops hashing and waits for a chunk being hashed, so no task outlives the hasher.
 */
public final class ChunkHasher implements AutoCloseable {

  private final MessageDigest digest;
  private final Executor executor;
  private final int bufferSize;
  private final int ringSize;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final ArrayDeque<Chunk> handedOver = new ArrayDeque<>();
  private final ArrayDeque<byte[]> free = new ArrayDeque<>();
  private int allocated;
  private boolean running;
  private boolean closed;
  private @Nullable Throwable failure;

  /**
   * A hasher of SHA-256 that hashes on the executor (in the application, {@link HashingThreads}).
   */
  public ChunkHasher(Executor executor, int bufferSize, int ringSize) {
    this(Sha256.digest(), executor, bufferSize, ringSize);
  }

  public ChunkHasher(MessageDigest digest, Executor executor, int bufferSize, int ringSize) {
    if (bufferSize < 2 || ringSize < 1) {
      throw new IllegalArgumentException("A ring needs at least one buffer of two bytes");
    }
    this.digest = digest;
    this.executor = executor;
    this.bufferSize = bufferSize;
    this.ringSize = ringSize;
  }

  /**
   * A buffer to fill: a hashed one, or a new one while the ring is not full and {@code moreReady}
   * (the source has bytes that a read would not wait for); otherwise waits for the hasher. Throws
   * if hashing failed, or {@link InterruptedIOException} if the wait was interrupted.
   */
  public byte[] next(boolean moreReady) throws IOException {
    lock.lock();
    try {
      while (true) {
        checkNoFailure();
        var buffer = free.poll();
        if (buffer != null) {
          return buffer;
        }
        if (allocated == 0 || (moreReady && allocated < ringSize)) {
          allocated++;
          return new byte[bufferSize];
        }
        await();
      }
    } finally {
      lock.unlock();
    }
  }

  /** Hands over the first {@code length} bytes of a buffer from {@link #next}, to be hashed. */
  public void hash(byte[] buffer, int length) throws IOException {
    boolean start;
    lock.lock();
    try {
      checkNoFailure();
      handedOver.add(new Chunk(buffer, length));
      start = !running;
      running = true;
    } finally {
      lock.unlock();
    }
    if (start) {
      try {
        executor.execute(this::drain);
      } catch (RejectedExecutionException e) {
        fail(e);
        throw new IOException("No thread to hash the content on", e);
      }
    }
  }

  /** Waits until every chunk is hashed; the SHA-256 in lower-case hex. */
  public String finish() throws IOException {
    complete();
    return Sha256.hex(digest);
  }

  /**
   * Waits until every chunk is hashed, leaving the digest open: for a digest that goes on over more
   * than one stream.
   */
  public void complete() throws IOException {
    lock.lock();
    try {
      while (running) {
        checkNoFailure();
        await();
      }
      checkNoFailure();
    } finally {
      lock.unlock();
    }
  }

  /** Drops what is not hashed yet and waits (uninterruptibly) for the chunk being hashed. */
  @Override
  public void close() {
    lock.lock();
    try {
      closed = true;
      handedOver.clear();
      while (running) {
        changed.awaitUninterruptibly();
      }
    } finally {
      lock.unlock();
    }
  }

  /** Hashes the chunks handed over, in order, until none is left; runs on the executor. */
  private void drain() {
    while (true) {
      Chunk chunk;
      lock.lock();
      try {
        chunk = closed || failure != null ? null : handedOver.poll();
        if (chunk == null) {
          running = false;
          changed.signalAll();
          return;
        }
      } finally {
        lock.unlock();
      }
      try {
        digest.update(chunk.buffer(), 0, chunk.length());
      } catch (RuntimeException | Error e) {
        fail(e);
        continue;
      }
      lock.lock();
      try {
        free.add(chunk.buffer());
        changed.signalAll();
      } finally {
        lock.unlock();
      }
    }
  }

  private void fail(Throwable e) {
    lock.lock();
    try {
      if (failure == null) {
        failure = e;
      }
      if (e instanceof RejectedExecutionException) {
        running = false;
      }
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private void checkNoFailure() throws IOException {
    if (failure instanceof Error error) {
      throw error;
    }
    if (failure != null) {
      throw new IOException("Hashing the content failed", failure);
    }
  }

  private void await() throws InterruptedIOException {
    try {
      changed.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("Interrupted while waiting for the content to be hashed");
    }
  }

  private record Chunk(byte[] buffer, int length) {}
}
