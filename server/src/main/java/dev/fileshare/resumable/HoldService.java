package dev.fileshare.resumable;

import dev.fileshare.shared.Secrets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Claims uploads for one writer at a time. A claim is a lease on the row, renewed in the background
 * every third of the lease while the writer holds it, so a slow client or a long check keeps it,
 * and a node that dies lets go of it when the lease runs out. Renewals run on {@link
 * LeaseSchedulerConfiguration#uploadLeaseScheduler}.
 */
@Component
class HoldService {

  private static final Logger log = LoggerFactory.getLogger(HoldService.class);

  private final UploadRows rows;
  private final ResumableSettings settings;
  private final Clock clock;
  private final TaskScheduler renewals;

  HoldService(
      UploadRows rows,
      ResumableSettings settings,
      Clock clock,
      @Qualifier(LeaseSchedulerConfiguration.SCHEDULER) TaskScheduler renewals) {
    this.rows = rows;
    this.settings = settings;
    this.clock = clock;
    this.renewals = renewals;
  }

  /**
   * Claims the upload at {@code offset} for writing; empty if it is not free. One that its last
   * writer let go is claimed as such; failing that, one whose writer's lease ran out is taken over
   * ({@link Hold#tookOver}).
   */
  Optional<Hold> claim(String id, long owner, long offset) {
    var token = Secrets.generate(16);
    var now = clock.millis();
    if (rows.claimReleased(id, owner, offset, token, now, now + lease())) {
      return started(id, token, true, false);
    }
    return started(id, token, rows.claim(id, owner, offset, token, now, now + lease()), true);
  }

  /** Claims the upload whatever its offset (to remove it); empty if it is not free. */
  Optional<Hold> claimAny(String id, long owner) {
    var token = Secrets.generate(16);
    var now = clock.millis();
    return started(id, token, rows.claimAny(id, owner, token, now, now + lease()), true);
  }

  /** Claims an expired upload to sweep it; empty if it is not free or not expired. */
  Optional<Hold> claimExpired(String id) {
    var token = Secrets.generate(16);
    var now = clock.millis();
    return started(id, token, rows.claimExpired(id, token, now, now + lease()), true);
  }

  /** The hold, renewed from now on, if the row was claimed. */
  private Optional<Hold> started(String id, String token, boolean claimed, boolean tookOver) {
    if (!claimed) {
      return Optional.empty();
    }
    var hold = new Hold(id, token, rows, tookOver);
    var period = Duration.ofMillis(Math.max(1, lease() / 3));
    var first = renewals.getClock().instant().plus(period);
    hold.renewal = renewals.scheduleAtFixedRate(() -> renew(hold), first, period);
    return Optional.of(hold);
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
}
