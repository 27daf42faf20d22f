package dev.fileshare.requests;

import dev.fileshare.accounts.AccountService;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells owners about new uploads, at most once per {@code fileshare.requests.notify-interval} per
 * request: a mail that is due is claimed with one conditional UPDATE (so one node of several sends
 * it), and in the same transaction the uploads not told of yet are marked and the mail goes into
 * the outbox. An upload committed after that makes the next mail due.
 */
@Component
class RequestNotifier {

  private static final Logger log = LoggerFactory.getLogger(RequestNotifier.class);
  private static final int BATCH = 100;

  private final RequestRows rows;
  private final ReceiptRows receipts;
  private final AccountService accounts;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate transactions;
  private final Clock clock;

  RequestNotifier(
      RequestRows rows,
      ReceiptRows receipts,
      AccountService accounts,
      ApplicationEventPublisher events,
      TransactionTemplate transactions,
      Clock clock) {
    this.rows = rows;
    this.receipts = receipts;
    this.accounts = accounts;
    this.events = events;
    this.transactions = transactions;
    this.clock = clock;
  }

  @Scheduled(
      fixedDelayString = "${fileshare.requests.notify-check:30s}",
      initialDelayString = "${fileshare.requests.notify-check:30s}")
  void run() {
    try {
      notifyDue();
    } catch (RuntimeException e) {
      log.warn("Mailing owners about new uploads failed; trying again at the next check", e);
    }
  }

  /** Puts every mail that is due into the outbox; answers how many. */
  int notifyDue() {
    var sent = 0;
    for (var id : rows.notificationsDue(clock.millis(), BATCH)) {
      if (Boolean.TRUE.equals(transactions.execute(status -> notifyOne(id)))) {
        sent++;
      }
    }
    return sent;
  }

  private boolean notifyOne(long id) {
    if (!rows.claimNotification(id, clock.millis())) {
      return false; // another node took it
    }
    var row = rows.byId(id);
    var files = receipts.takeUnmailed(id);
    if (row.isEmpty() || files.isEmpty() || !row.get().notifyOwner()) {
      return false;
    }
    var owner = accounts.find(row.get().owner());
    if (owner.isEmpty()) {
      return false;
    }
    events.publishEvent(
        new FileRequest.UploadsReceived(
            owner.get().email(), owner.get().username(), id, row.get().title(), files));
    return true;
  }
}
