package dev.fileshare.resumable;

import dev.fileshare.shared.Secrets;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

/**
 * Claims uploads for one writer at a time. A claim is a lease on the row, renewed in the background
 * every third of the lease while the writer holds it, so a slow client or a long check keeps it,
 * and a node that dies lets go of it when the lease runs out.
 */
@Component
class HoldService implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(HoldService.class);

  private final UploadRows rows;
  private final ResumableSettings settings;
  private final Clock clock;
  private final ScheduledExecutorService renewals;

  HoldService(UploadRows rows, ResumableSettings settings, Clock clock) {
    this.rows = rows;
    this.settings = settings;
    this.clock = clock;
    var threads = new CustomizableThreadFactory("upload-lease-");
    threads.setDaemon(true);
    this.renewals = Executors.newSingleThreadScheduledExecutor(threads);
  }

  /** Claims the upload at {@code offset} for writing, or answers {@code null} if it is not free. */
  Hold claim(String id, long owner, long offset) {
    var token = Secrets.generate(16);
    var now = clock.millis();
    if (!rows.claim(id, owner, offset, token, now, now + lease())) {
      return null;
    }
    return started(id, token);
  }

  /** Claims the upload whatever its offset (to remove it), or answers {@code null}. */
  Hold claimAny(String id, long owner) {
    var token = Secrets.generate(16);
    var now = clock.millis();
    return rows.claimAny(id, owner, token, now, now + lease()) ? started(id, token) : null;
  }

  /** Claims an expired upload to sweep it, or answers {@code null}. */
  Hold claimExpired(String id) {
    var token = Secrets.generate(16);
    var now = clock.millis();
    return rows.claimExpired(id, token, now, now + lease()) ? started(id, token) : null;
  }

  private Hold started(String id, String token) {
    var hold = new Hold(id, token, rows);
    var period = Math.max(1, lease() / 3);
    hold.renewal =
        renewals.scheduleAtFixedRate(() -> renew(hold), period, period, TimeUnit.MILLISECONDS);
    return hold;
  }

  private void renew(Hold hold) {
    try {
      if (!rows.renew(hold.id(), hold.token(), clock.millis() + lease())) {
        hold.lose();
      }
    } catch (RuntimeException e) {
      log.warn("Could not renew the hold on upload {}; trying again", hold.id(), e);
    }
  }

  private long lease() {
    return settings.lease().toMillis();
  }

  @Override
  public void close() {
    renewals.shutdownNow();
  }
}
