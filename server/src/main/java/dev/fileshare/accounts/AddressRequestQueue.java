package dev.fileshare.accounts;

import static dev.fileshare.accounts.AccountService.bad;
import static dev.fileshare.accounts.AccountService.isBlank;

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
 * one that does, which a stopwatch could tell). The work waits in a bounded queue; when it is full
 * (a flood, already slowed by the per-address rate limits) further requests are dropped with a
 * warning, and the person asks again. Work still waiting when the server stops is dropped too.
 */
@Component
public class AddressRequestQueue implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(AddressRequestQueue.class);
  private static final int WAITING = 10_000;

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
    try {
      executor.execute(
          () -> {
            try {
              work.accept(address);
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
