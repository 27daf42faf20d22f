package dev.fileshare.activity;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes feed entries older than {@code fileshare.activity.retention}, a batch at a time. Runs on
 * every node: each batch is one statement over entries that nobody can bring back, so two nodes at
 * once only split the work (one that finds its batch taken stops until the next interval).
 */
@Component
class ActivityCleanup {

  private static final Logger log = LoggerFactory.getLogger(ActivityCleanup.class);

  private final ActivityRows rows;
  private final ActivitySettings settings;
  private final Clock clock;

  ActivityCleanup(ActivityRows rows, ActivitySettings settings, Clock clock) {
    this.rows = rows;
    this.settings = settings;
    this.clock = clock;
  }

  @Scheduled(
      fixedDelayString = "${fileshare.activity.cleanup-interval:1h}",
      initialDelayString = "${fileshare.activity.cleanup-interval:1h}")
  void run() {
    try {
      var removed = clean();
      if (removed > 0) {
        log.info("Removed {} activity entries older than {}", removed, settings.retention());
      }
    } catch (RuntimeException e) {
      log.warn("Cleaning up the activity feed failed; trying again at the next interval", e);
    }
  }

  /** Cleans once; answers how many entries were removed. */
  int clean() {
    var cutoff = clock.millis() - settings.retention().toMillis();
    var removed = 0;
    int batch;
    do {
      batch = rows.deleteOlderThan(cutoff);
      removed += batch;
    } while (batch == ActivityRows.DELETE_BATCH);
    return removed;
  }
}
