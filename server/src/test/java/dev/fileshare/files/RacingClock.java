package dev.fileshare.files;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * A clock that, when the thread that armed it reads it, first lets a competing request run to its
 * end on another thread. A replace reads the clock once per attempt, after it read the file and
 * just before it changes it: the moment another request can come first.
 */
final class RacingClock extends Clock {

  private final AtomicInteger races = new AtomicInteger();
  private volatile @Nullable Thread racer;
  private volatile Runnable competitor = () -> {};

  /** The next {@code times} reads by the calling thread each wait for {@code competitor}. */
  void race(int times, Runnable competitor) {
    this.competitor = competitor;
    this.racer = Thread.currentThread();
    races.set(times);
  }

  @Override
  public Instant instant() {
    if (Thread.currentThread() == racer && races.getAndDecrement() > 0) {
      CompletableFuture.runAsync(competitor).join();
    }
    return Instant.now();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
