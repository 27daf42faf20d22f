package dev.fileshare.files;

import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes files for good once they have been in the trash for {@code fileshare.trash.retention},
 * every {@code fileshare.trash.purge-interval}, oldest first, in batches. Runs on every node: a
 * file is removed by whichever node claims it first (see {@link TrashPurger}); the others skip it.
 */
@Component
class TrashRetention {

  private static final Logger log = LoggerFactory.getLogger(TrashRetention.class);

  private final FileRows rows;
  private final TrashPurger purger;
  private final TrashSettings settings;
  private final Clock clock;

  TrashRetention(FileRows rows, TrashPurger purger, TrashSettings settings, Clock clock) {
    this.rows = rows;
    this.purger = purger;
    this.settings = settings;
    this.clock = clock;
  }

  @Scheduled(
      fixedDelayString = "${fileshare.trash.purge-interval:1h}",
      initialDelayString = "${fileshare.trash.purge-interval:1h}")
  void run() {
    try {
      var removed = purgeExpired();
      if (removed > 0) {
        log.info("Removed {} files for good after their time in the trash", removed);
      }
    } catch (RuntimeException e) {
      log.warn("Emptying the trash of old files failed; trying again at the next interval", e);
    }
  }

  /** Removes every file in the trash for longer than the retention; answers how many. */
  int purgeExpired() {
    var cutoff = clock.millis() - settings.retention().toMillis();
    var removed = 0;
    while (true) {
      var batch = rows.trashedBefore(cutoff, TrashPurger.BATCH);
      removed += purger.purge(batch, Optional.empty(), cutoff, Optional.empty());
      if (batch.size() < TrashPurger.BATCH) {
        return removed;
      }
    }
  }
}
