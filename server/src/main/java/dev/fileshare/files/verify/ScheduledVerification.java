package dev.fileshare.files.verify;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * With {@code fileshare.verify.interval} set, the server verifies its storage itself: once an hour
 * each node asks whether the interval has passed since the last run began on any node, and the one
 * that claims it runs (or goes on with) a verification at the configured rate.
 */
@Component
@ConditionalOnWebApplication
@ConditionalOnProperty("fileshare.verify.interval")
class ScheduledVerification {

  private static final Logger log = LoggerFactory.getLogger(ScheduledVerification.class);

  private final StorageVerification verification;
  private final CheckpointRows checkpoints;
  private final VerifySettings settings;
  private final Clock clock;

  ScheduledVerification(
      StorageVerification verification,
      CheckpointRows checkpoints,
      VerifySettings settings,
      Clock clock) {
    this.verification = verification;
    this.checkpoints = checkpoints;
    this.settings = settings;
    this.clock = clock;
  }

  @Scheduled(
      initialDelayString = "${fileshare.verify.check-every:1h}",
      fixedDelayString = "${fileshare.verify.check-every:1h}")
  void verifyWhenDue() throws InterruptedException {
    var interval = settings.every().orElseThrow();
    if (!checkpoints.claimScheduledRun(clock.millis(), interval.toMillis())) {
      return;
    }
    var result = verification.run(settings.rate().toBytes(), false);
    if (result.damaged().isEmpty()) {
      log.info("Storage verified: {} files and versions, none damaged", result.checked());
    } else {
      log.error(
          "Storage verified: {} files and versions, {} damaged; run verify-storage to list them",
          result.checked(),
          result.damaged().size());
    }
  }
}
