package dev.fileshare.accounts;

import java.time.Clock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Removes verification and reset links that can no longer be used. */
@Component
class ExpiredLinkCleanup {

  private final AccountTokenRows tokens;
  private final Clock clock;

  ExpiredLinkCleanup(AccountTokenRows tokens, Clock clock) {
    this.tokens = tokens;
    this.clock = clock;
  }

  @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
  void run() {
    tokens.deleteExpired(clock.millis());
  }
}
