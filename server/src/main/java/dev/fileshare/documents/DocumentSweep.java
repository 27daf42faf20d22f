package dev.fileshare.documents;

import dev.fileshare.files.DetailChangeRecorder;
import dev.fileshare.files.FileLookup;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the queue whole: at start and every {@code sweep-interval}, every file outside the trash
 * that has no documents row, or one that describes other content, is queued, so nothing is lost to
 * a crash between a change and its event, or to an upgrade from a version without documents. Walks
 * the files by id, a batch at a time.
 */
@Component
class DocumentSweep {

  private static final Logger log = LoggerFactory.getLogger(DocumentSweep.class);
  static final int BATCH = 500;

  private final DocumentRows rows;
  private final FileLookup files;
  private final DetailChangeRecorder details;
  private final DocumentWakeup wakeup;
  private final Clock clock;

  DocumentSweep(
      DocumentRows rows,
      FileLookup files,
      DetailChangeRecorder details,
      DocumentWakeup wakeup,
      Clock clock) {
    this.rows = rows;
    this.files = files;
    this.details = details;
    this.wakeup = wakeup;
    this.clock = clock;
  }

  @Scheduled(fixedDelayString = "${fileshare.documents.sweep-interval:1h}")
  void sweep() {
    var queued = queue(false);
    if (queued > 0) {
      log.info("Queued {} files whose documents were not read yet", queued);
    }
  }

  /**
   * Queues the files whose documents are not known, or every file ({@code all}: for a rebuild).
   *
   * @return how many were queued
   */
  long queue(boolean all) {
    var queued = 0L;
    var after = 0L;
    while (true) {
      var batch = files.live(after, BATCH);
      if (batch.isEmpty()) {
        return queued;
      }
      var known = rows.contents(batch.stream().map(FileLookup.Live::id).toList());
      for (var file : batch) {
        if (all || !file.sha256().equals(known.get(file.id()))) {
          rows.pending(file.id(), file.sha256(), clock.instant());
          details.changed(file.id());
          queued++;
        }
      }
      if (queued > 0) {
        wakeup.queued();
      }
      after = batch.get(batch.size() - 1).id();
    }
  }
}
