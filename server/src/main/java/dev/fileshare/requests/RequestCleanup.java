package dev.fileshare.requests;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes visits that expired. Runs on every node: each delete is one statement over rows nobody
 * can bring back, so two nodes at once only split the work.
 */
@Component
class RequestCleanup {

  private static final Logger log = LoggerFactory.getLogger(RequestCleanup.class);

  private final VisitRows visits;
  private final Clock clock;

  RequestCleanup(VisitRows visits, Clock clock) {
    this.visits = visits;
    this.clock = clock;
  }

  @Scheduled(
      fixedDelayString = "${fileshare.requests.cleanup-interval:1h}",
      initialDelayString = "${fileshare.requests.cleanup-interval:1h}")
  void run() {
    try {
      var removed = clean();
      if (removed > 0) {
        log.info("Removed {} expired visits of file requests", removed);
      }
    } catch (RuntimeException e) {
      log.warn("Removing expired visits failed; trying again at the next interval", e);
    }
  }

  int clean() {
    var removed = 0;
    int batch;
    do {
      batch = visits.deleteExpired(clock.millis());
      removed += batch;
    } while (batch > 0);
    return removed;
  }
}
