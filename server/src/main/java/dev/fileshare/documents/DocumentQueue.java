package dev.fileshare.documents;

import dev.fileshare.files.DetailChangeRecorder;
import dev.fileshare.files.FileEvent;
import dev.fileshare.files.FileLookup;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Puts a file's document in the queue when its content is new (uploaded, received through a
 * request, replaced, or an earlier version restored), once the change is committed; makes a file
 * back from the trash due at once if it waits to be read (the job does not read files in the
 * trash); and removes what every step keeps for a file removed for good. A queue write that fails
 * is only logged: the catch-up sweep ({@link DocumentSweep}) finds the file later.
 */
@Component
class DocumentQueue {

  private static final Logger log = LoggerFactory.getLogger(DocumentQueue.class);

  private final DocumentRows rows;
  private final FileLookup files;
  private final DetailChangeRecorder details;
  private final List<DocumentStep> steps;
  private final DocumentWakeup wakeup;
  private final Clock clock;

  DocumentQueue(
      DocumentRows rows,
      FileLookup files,
      DetailChangeRecorder details,
      List<DocumentStep> steps,
      DocumentWakeup wakeup,
      Clock clock) {
    this.rows = rows;
    this.files = files;
    this.details = details;
    this.steps = List.copyOf(steps);
    this.wakeup = wakeup;
    this.clock = clock;
  }

  @TransactionalEventListener(fallbackExecution = true)
  void on(FileEvent event) {
    try {
      switch (event.action()) {
        case UPLOADED, RECEIVED, REPLACED, VERSION_RESTORED -> queue(event.fileId());
        case RESTORED -> {
          rows.dueNow(event.fileId(), clock.instant());
          wakeup.queued();
        }
        case PURGED -> forget(event.fileId());
        default -> {}
      }
    } catch (RuntimeException e) {
      log.warn("Could not queue file {} for reading; the sweep will", event.fileId(), e);
    }
  }

  private void queue(long fileId) {
    files
        .content(fileId)
        .ifPresent(
            content -> {
              rows.pending(fileId, content.file().sha256(), clock.instant());
              details.changed(fileId);
              wakeup.queued();
            });
  }

  private void forget(long fileId) {
    for (var step : steps) {
      step.forget(fileId);
    }
    rows.delete(fileId);
  }
}
