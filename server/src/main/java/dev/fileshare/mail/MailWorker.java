package dev.fileshare.mail;

import dev.fileshare.platform.FileShareSettings;
import java.time.Clock;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers the outbox. Every node runs this worker; a node claims one mail at a time with a lease
 * (see {@link MailOutboxRows#claim}), sends it, then marks it sent. So while the nodes keep
 * running, each mail is sent exactly once. A node that stops between the mail server accepting a
 * mail and marking it sent leaves the lease to run out, and the mail is sent once more: delivery is
 * at-least-once across crashes. Rows survive restarts, so pending mail goes out after one.
 *
 * <p>A failed attempt is tried again after a delay that doubles from {@code retry-initial-delay} up
 * to {@code retry-max-delay}; after {@code max-attempts} the mail is marked failed and an error is
 * logged. A mail that cannot even be built (an invalid address) fails at once.
 */
@Component
class MailWorker {

  private static final Logger log = LoggerFactory.getLogger(MailWorker.class);
  private static final int BATCH = 50;
  private static final int MAX_ERROR_LENGTH = 200;

  private final MailOutboxRows outbox;
  private final MailTransport transport;
  private final MailSettings settings;
  private final Clock clock;
  private final String linkBase;

  MailWorker(
      MailOutboxRows outbox,
      MailTransport transport,
      MailSettings settings,
      FileShareSettings fileShare,
      Clock clock) {
    this.outbox = outbox;
    this.transport = transport;
    this.settings = settings;
    this.clock = clock;
    this.linkBase = fileShare.link("");
  }

  /** Sends what is due now; safe to run on several threads and nodes at once. */
  @Scheduled(
      fixedDelayString = "${fileshare.mail.poll-interval:2s}",
      initialDelayString = "${fileshare.mail.poll-interval:2s}")
  void deliverDue() {
    for (var id : outbox.due(clock.instant(), BATCH)) {
      deliver(id);
    }
  }

  private void deliver(long id) {
    var now = clock.instant();
    var claimed = outbox.claim(id, now, now.plus(settings.lease()));
    if (claimed.isEmpty()) {
      return; // another worker has it, or has just sent it
    }
    var mail = claimed.get();
    try {
      transport.send(mail.message());
    } catch (RuntimeException e) {
      failed(mail, e);
      return;
    }
    outbox.markSent(id, clock.instant());
  }

  private void failed(MailOutboxRows.Pending mail, RuntimeException e) {
    var attempts = mail.attempts() + 1;
    var error = describe(e, linkBase);
    var now = clock.instant();
    var permanent = e instanceof MailParseException || e instanceof MailPreparationException;
    if (permanent || attempts >= settings.maxAttempts()) {
      outbox.markFailed(mail.id(), attempts, now, error);
      log.error(
          "Gave up on mail {} to {} after {} attempt(s): {}",
          mail.id(),
          mail.recipient(),
          attempts,
          error);
      return;
    }
    var delay = settings.retryDelay(attempts);
    outbox.retryLater(mail.id(), attempts, now.plus(delay), error);
    log.warn(
        "Could not send mail {} to {} (attempt {}), trying again in {}: {}",
        mail.id(),
        mail.recipient(),
        attempts,
        delay,
        error);
  }

  /**
   * One short line for the table and the log: the exception's message and that of its root cause,
   * with any of our links (and so any token) cut out.
   */
  static String describe(Throwable e, String linkBase) {
    var text = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    var root = NestedExceptionUtils.getMostSpecificCause(e);
    if (root != e && root.getMessage() != null && !text.contains(root.getMessage())) {
      text += ": " + root.getMessage();
    }
    var line =
        Pattern.compile(Pattern.quote(linkBase) + "\\S*")
            .matcher(text)
            .replaceAll("[link]")
            .replaceAll("\\s+", " ")
            .trim();
    return line.length() > MAX_ERROR_LENGTH ? line.substring(0, MAX_ERROR_LENGTH) : line;
  }
}
