package dev.fileshare.resumable;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes uploads that expired: unfinished ones with the pieces that arrived, and finished ones
 * whose file no longer needs to be told to the client. Runs every {@code
 * fileshare.uploads.sweep-interval}, on every node; each upload is claimed before it is removed.
 */
@Component
class ExpiredUploadSweeper {

  private static final Logger log = LoggerFactory.getLogger(ExpiredUploadSweeper.class);
  private static final int BATCH = 100;

  private final UploadRows rows;
  private final HoldService holds;
  private final Assembly assembly;
  private final Clock clock;

  ExpiredUploadSweeper(UploadRows rows, HoldService holds, Assembly assembly, Clock clock) {
    this.rows = rows;
    this.holds = holds;
    this.assembly = assembly;
    this.clock = clock;
  }

  @Scheduled(
      fixedDelayString = "${fileshare.uploads.sweep-interval:10m}",
      initialDelayString = "${fileshare.uploads.sweep-interval:10m}")
  void run() {
    try {
      var removed = sweep();
      if (removed > 0) {
        log.info("Removed {} expired uploads", removed);
      }
    } catch (RuntimeException e) {
      log.warn("Sweeping expired uploads failed; trying again at the next interval", e);
    }
  }

  /** Sweeps once; answers how many uploads were removed. */
  int sweep() {
    var removed = 0;
    while (true) {
      var expired = rows.expired(clock.millis(), BATCH);
      var before = removed;
      for (var id : expired) {
        var claimed = holds.claimExpired(id);
        if (claimed.isPresent()) {
          try (var hold = claimed.get()) {
            assembly.remove(hold);
          }
          removed++;
        }
      }
      if (expired.size() < BATCH || removed == before) {
        return removed;
      }
    }
  }
}
