package dev.fileshare.accounts;

import static dev.fileshare.accounts.AccountService.bad;
import static dev.fileshare.accounts.AccountService.isBlank;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

/**
 * Runs the work behind a request that names an address (a password reset, a new verification mail)
 * after the answer, on a thread of its own: the answer then takes as long whether or not the
 * address has an account (looking it up and writing a token and a mail took milliseconds more for
 * one that does, which a stopwatch could tell). The work starts {@link #SETTLE} after the request
 * handed it over, once the answer has left: started at once, the heavier work of an address with an
 * account took the CPU from the answer still being written, 0.2 ms on the median on two cores,
 * enough for the timing test to tell the two apart. Work that waited longer than that in the queue
 * starts without a pause. The work waits in a bounded queue; when it is full (a flood, already
 * slowed by the per-address rate limits) further requests are dropped with a warning, and the
 * person asks again. Work still waiting when the server stops is dropped too.
 */
@Component
public class AddressRequestQueue implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(AddressRequestQueue.class);
  private static final int WAITING = 10_000;

  /** How long after the request the work starts at the earliest. */
  static final Duration SETTLE = Duration.ofMillis(20);

  private final ThreadPoolExecutor executor =
      new ThreadPoolExecutor(
          1,
          1,
          0,
          TimeUnit.MILLISECONDS,
          new ArrayBlockingQueue<>(WAITING),
          new CustomizableThreadFactory("address-requests-"));

  /** Checks that an address is given (400 if not), then runs the work with it later. */
  public void submit(@Nullable String email, Consumer<String> work) {
    if (isBlank(email)) {
      throw bad("Email is required");
    }
    var address = email.strip();
    var due = System.nanoTime() + SETTLE.toNanos();
    try {
      executor.execute(
          () -> {
            try {
              var wait = due - System.nanoTime();
              if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
              }
              work.accept(address);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
              log.warn("A request for an address could not be completed: {}", e.getMessage());
            }
          });
    } catch (RejectedExecutionException e) {
      log.warn("{} requests for addresses are waiting: one more was dropped", WAITING);
    }
  }

  @Override
  public void destroy() throws InterruptedException {
    executor.shutdown();
    executor.awaitTermination(5, TimeUnit.SECONDS);
  }
}
