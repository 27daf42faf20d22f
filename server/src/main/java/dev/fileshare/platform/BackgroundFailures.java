package dev.fileshare.platform;

import dev.fileshare.shared.Unavailable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.util.ErrorHandler;

/**
 * What a scheduled task's failure is written to the log as. A database or a store that is away
 * fails every task at every run (the mail worker polls every two seconds): that is one warning line
 * without a stack trace, at most once a {@link #QUIET}, counting those left out, and a line when
 * the tasks run again; the outage itself is what readiness and the answers' 503s report. Anything
 * else is a fault, logged with its stack trace as Spring's default handler logs it.
 */
final class BackgroundFailures implements ErrorHandler {

  private static final Logger log = LoggerFactory.getLogger(BackgroundFailures.class);

  /** How long after a warning about an unavailable peer the next one waits. */
  static final Duration QUIET = Duration.ofMinutes(1);

  private final Clock clock;
  private final AtomicReference<Instant> lastWarning = new AtomicReference<>(Instant.MIN);
  private final AtomicLong leftOut = new AtomicLong();

  BackgroundFailures(Clock clock) {
    this.clock = clock;
  }

  @Override
  public void handleError(Throwable failure) {
    if (!unavailable(failure)) {
      log.error("Unexpected error occurred in scheduled task", failure);
      return;
    }
    var now = clock.instant();
    var last = lastWarning.get();
    if (now.isBefore(last.plus(QUIET)) || !lastWarning.compareAndSet(last, now)) {
      leftOut.incrementAndGet();
      return;
    }
    var root = NestedExceptionUtils.getMostSpecificCause(failure);
    var more = leftOut.getAndSet(0);
    log.warn(
        "Background tasks cannot run: {}{}",
        root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName(),
        more > 0 ? " (" + more + " more failures like it since the last warning)" : "");
  }

  /** A database or a blob store that is away or overloaded, not a fault of the task. */
  static boolean unavailable(Throwable failure) {
    for (var cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof DataAccessResourceFailureException
          || cause instanceof TransientDataAccessException
          || cause instanceof Unavailable
          || cause instanceof java.sql.SQLTransientException
          || cause instanceof java.sql.SQLRecoverableException) {
        return true;
      }
    }
    return false;
  }
}
