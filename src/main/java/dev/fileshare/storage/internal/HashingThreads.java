package dev.fileshare.storage.internal;

import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that hash uploads: as many as there are cores, since hashing only computes, started
 * when needed and ended after 30 s without work. Daemon threads, so they never keep the JVM alive.
 */
public final class HashingThreads {

  /** The prefix of their names. */
  public static final String NAME = "blob-hash-";

  private static final ThreadPoolExecutor SHARED = create();

  private HashingThreads() {}

  public static Executor shared() {
    return SHARED;
  }

  private static ThreadPoolExecutor create() {
    var count = Math.max(1, Runtime.getRuntime().availableProcessors());
    var numbers = new AtomicInteger();
    var pool =
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
    return pool;
  }
}
