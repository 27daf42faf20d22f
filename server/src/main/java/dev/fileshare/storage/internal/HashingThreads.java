package dev.fileshare.storage.internal;

import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threads that hash uploads: as many as there are cores, since hashing only computes, started
 * when needed and ended after 30 s without work. Daemon threads, so they never keep the JVM alive.
 * One pool per application context, which a store's configuration imports; it is shut down when the
 * context closes, after the web server has stopped taking requests.
 */
public final class HashingThreads implements Executor, AutoCloseable {

  /** The prefix of their names. */
  public static final String NAME = "blob-hash-";

  private static final Logger log = LoggerFactory.getLogger(HashingThreads.class);
  private static final long CLOSE_WAIT_SECONDS = 10;

  private final ThreadPoolExecutor pool;

  /** One thread per core. */
  public HashingThreads() {
    var count = Math.max(1, Runtime.getRuntime().availableProcessors());
    var numbers = new AtomicInteger();
    pool =
        new ThreadPoolExecutor(
            count,
            count,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            task -> {
              var thread = new Thread(task, NAME + numbers.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    pool.allowCoreThreadTimeOut(true);
  }

  /**
   * Runs a task on one of the threads.
   *
   * @throws java.util.concurrent.RejectedExecutionException once the pool is closed
   */
  @Override
  public void execute(Runnable task) {
    pool.execute(task);
  }

  /**
   * Takes no more tasks and waits a little for those queued: each hashes one chunk, a fraction of a
   * millisecond of work, and a store waits for its hasher before it answers anyway.
   */
  @Override
  public void close() {
    pool.shutdown();
    try {
      if (!pool.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
        log.warn("Hashing threads still busy after {} s; leaving them", CLOSE_WAIT_SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
