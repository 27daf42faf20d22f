package dev.fileshare.audit;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes audit entries older than {@code fileshare.audit.retention}, a batch at a time, on every
 * node (two at once only split the work).
 */
@Component
class AuditCleanup {

  private static final Logger log = LoggerFactory.getLogger(AuditCleanup.class);

  private final AuditRows rows;
  private final AuditSettings settings;
  private final Clock clock;

  AuditCleanup(AuditRows rows, AuditSettings settings, Clock clock) {
    this.rows = rows;
    this.settings = settings;
    this.clock = clock;
  }

  @Scheduled(
      fixedDelayString = "${fileshare.audit.cleanup-interval:1h}",
      initialDelayString = "${fileshare.audit.cleanup-interval:1h}")
  void run() {
    try {
      var removed = clean();
      if (removed > 0) {
        log.info("Removed {} audit entries older than {}", removed, settings.retention());
      }
    } catch (RuntimeException e) {
      log.warn("Cleaning up the audit log failed; trying again at the next interval", e);
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
    } while (batch == AuditRows.DELETE_BATCH);
    return removed;
  }
}
