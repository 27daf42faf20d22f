package dev.fileshare.sharing;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes access log entries older than {@code fileshare.sharing.log-retention}, grants that
 * expired, and one-time codes a day after they expired. Runs on every node: each delete is one
 * statement over rows that nobody can bring back, so two nodes at once only split the work.
 */
@Component
class LinkCleanup {

  private static final Logger log = LoggerFactory.getLogger(LinkCleanup.class);

  private final LinkEventRows events;
  private final UnlockRows unlocks;
  private final RecipientCheck codes;
  private final SharingSettings settings;
  private final Clock clock;

  LinkCleanup(
      LinkEventRows events,
      UnlockRows unlocks,
      RecipientCheck codes,
      SharingSettings settings,
      Clock clock) {
    this.events = events;
    this.unlocks = unlocks;
    this.codes = codes;
    this.settings = settings;
    this.clock = clock;
  }

  @Scheduled(
      fixedDelayString = "${fileshare.sharing.cleanup-interval:1h}",
      initialDelayString = "${fileshare.sharing.cleanup-interval:1h}")
  void run() {
    try {
      var removed = clean();
      if (removed > 0) {
        log.info("Removed {} old link log entries and expired grants", removed);
      }
    } catch (RuntimeException e) {
      log.warn("Cleaning up link logs failed; trying again at the next interval", e);
    }
  }

  /** Cleans once; answers how many rows were removed. */
  int clean() {
    var now = clock.millis();
    var cutoff = now - settings.logRetention().toMillis();
    var removed = 0;
    int batch;
    do {
      batch = events.deleteOlderThan(cutoff);
      removed += batch;
    } while (batch > 0);
    do {
      batch = unlocks.deleteExpired(now);
      removed += batch;
    } while (batch > 0);
    return removed + codes.clean();
  }
}
