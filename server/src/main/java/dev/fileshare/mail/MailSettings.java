package dev.fileshare.mail;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How account mail is sent. The mail server itself is configured with the {@code spring.mail.*}
 * keys; without {@code spring.mail.host} every mail is written to the log instead.
 *
 * @param from the sender address ({@code FILESHARE_MAIL_FROM})
 * @param pollInterval how long the worker waits between two looks at the outbox ({@code
 *     FILESHARE_MAIL_POLL_INTERVAL})
 * @param retryInitialDelay the wait after the first failed attempt; it doubles with every further
 *     failure ({@code FILESHARE_MAIL_RETRY_INITIAL_DELAY})
 * @param retryMaxDelay the longest wait between two attempts ({@code
 *     FILESHARE_MAIL_RETRY_MAX_DELAY})
 * @param maxAttempts after this many failed attempts a mail is marked failed and an error is logged
 *     ({@code FILESHARE_MAIL_MAX_ATTEMPTS})
 * @param lease how long a node holds a mail it is sending before another node may take it over;
 *     longer than the SMTP timeouts ({@code FILESHARE_MAIL_LEASE})
 */
@ConfigurationProperties("fileshare.mail")
record MailSettings(
    @DefaultValue("fileshare <no-reply@localhost>") String from,
    @DefaultValue("2s") Duration pollInterval,
    @DefaultValue("5s") Duration retryInitialDelay,
    @DefaultValue("10m") Duration retryMaxDelay,
    @DefaultValue("50") int maxAttempts,
    @DefaultValue("2m") Duration lease) {

  /** The wait after the given number of failed attempts (1 for the first failure). */
  Duration retryDelay(int failedAttempts) {
    var doubled =
        retryInitialDelay.multipliedBy(1L << Math.min(Math.max(failedAttempts - 1, 0), 30));
    return doubled.compareTo(retryMaxDelay) > 0 ? retryMaxDelay : doubled;
  }
}
