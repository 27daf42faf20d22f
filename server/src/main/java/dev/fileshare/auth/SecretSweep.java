package dev.fileshare.auth;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Writes every two-factor secret again as it is stored now: sealed under {@code
 * fileshare.auth.encryption-key}, or as it is when only previous keys are set (turning encryption
 * off). Runs shortly after start and then daily, so that a key set, changed or removed reaches
 * every row, and a row written meanwhile by a node with the old settings is caught up; in batches
 * by user id, and not at all without any key.
 */
@Component
class SecretSweep {

  private static final Logger log = LoggerFactory.getLogger(SecretSweep.class);
  static final int BATCH = 500;

  private final TwoFactorRows rows;

  SecretSweep(TwoFactorRows rows) {
    this.rows = rows;
  }

  @Scheduled(fixedDelayString = "P1D", initialDelayString = "PT10S")
  void sweep() {
    if (!rows.sealing()) {
      return;
    }
    var written = 0;
    var unreadable = 0;
    var after = 0L;
    TwoFactorRows.Batch batch;
    do {
      batch = rows.notCurrent(after, BATCH);
      for (var stored : batch.rows()) {
        if (rows.reseal(stored)) {
          written++;
        } else {
          unreadable++;
        }
      }
      after = batch.lastUserId();
    } while (batch.more());
    if (written > 0 || unreadable > 0) {
      log.info(
          "Two-factor secrets written again under the current key: {}; left as they were"
              + " (sealed under a key not set, or changed meanwhile): {}",
          written,
          unreadable);
    }
  }
}
