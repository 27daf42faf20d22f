package dev.fileshare.activity;

import dev.fileshare.files.FileEvent;
import dev.fileshare.shared.UserId;
import dev.fileshare.sharing.LinkActivity;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes what happened to a file or a link into its owner's feed, as it happens: synchronously, in
 * the transaction of the change when there is one, so that a change rolled back leaves no entry.
 * The entry never makes the change fail: it is written behind a savepoint (a transaction of its own
 * when there is none), and a failure is rolled back to it and logged.
 */
@Component
class ActivityRecorder {

  private static final Logger log = LoggerFactory.getLogger(ActivityRecorder.class);

  private final ActivityRows rows;
  private final TransactionTemplate savepoint;
  private final Clock clock;

  ActivityRecorder(ActivityRows rows, PlatformTransactionManager transactions, Clock clock) {
    this.rows = rows;
    this.savepoint = new TransactionTemplate(transactions);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    this.clock = clock;
  }

  @EventListener
  void on(FileEvent event) {
    record(
        event.owner(),
        event.actor(),
        event.fileId(),
        event.fileName(),
        event.action().wire(),
        event.detail());
  }

  @EventListener
  void on(LinkActivity event) {
    record(
        event.owner(),
        event.actor(),
        event.fileId(),
        event.fileName(),
        event.action().wire(),
        event.detail());
  }

  private void record(
      UserId owner,
      Optional<UserId> actor,
      long fileId,
      String fileName,
      String action,
      String detail) {
    try {
      savepoint.executeWithoutResult(
          status -> rows.insert(owner, actor, fileId, fileName, action, detail, clock.millis()));
    } catch (RuntimeException e) {
      log.warn(
          "Could not add {} of file {} to the activity feed of user {}; the change stands",
          action,
          fileId,
          owner.value(),
          e);
    }
  }
}
