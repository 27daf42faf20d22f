package dev.fileshare.documents;

import dev.fileshare.files.DetailChangeRecorder;
import dev.fileshare.files.FileLookup;
import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Reads one document from the queue: claims a due row, runs every {@link DocumentStep} on the
 * file's content in order (facts, text, then the others), and lets go of the row. Safe on several
 * threads and nodes at once (see {@link DocumentRows#claim}).
 *
 * <p>A document gets {@code timeout} for every step together: past it, every channel opened on its
 * content is closed (PDFBox's next read fails) and the thread is interrupted. A step that throws or
 * runs out of time is tried again later, after a delay that doubles; after {@code max-attempts} the
 * text is marked failed. Results of content replaced meanwhile are dropped by the steps' writes,
 * which name the content they describe, and the row stays pending for the new content.
 */
@Component
class DocumentJob {

  private static final Logger log = LoggerFactory.getLogger(DocumentJob.class);
  private static final int BATCH = 20;
  private static final int MAX_ERROR_LENGTH = 200;

  private final DocumentRows rows;
  private final FileLookup files;
  private final DetailChangeRecorder details;
  private final List<DocumentStep> steps;
  private final DocumentSettings settings;
  private final TaskScheduler deadlines;
  private final Clock clock;

  DocumentJob(
      DocumentRows rows,
      FileLookup files,
      DetailChangeRecorder details,
      List<DocumentStep> steps,
      DocumentSettings settings,
      @Qualifier(DocumentConfiguration.DEADLINES) TaskScheduler deadlines,
      Clock clock) {
    this.rows = rows;
    this.files = files;
    this.details = details;
    this.steps = List.copyOf(steps);
    this.settings = settings;
    this.deadlines = deadlines;
    this.clock = clock;
  }

  /**
   * Reads the next due document, if there is one that no one holds.
   *
   * @param early whether a row waiting to be retried counts as due already (the reindex command,
   *     which does not wait)
   * @return whether there was one
   */
  boolean runNext(boolean early) {
    var now = clock.instant();
    var due = early ? Instant.ofEpochMilli(Long.MAX_VALUE) : now;
    for (var id : rows.due(due, now, BATCH)) {
      var claimed =
          rows.claim(id, UUID.randomUUID().toString(), due, now, now.plus(settings.lease()));
      if (claimed.isPresent()) {
        run(claimed.get());
        return true;
      }
    }
    return false;
  }

  private void run(DocumentRows.Claimed row) {
    var content = files.content(row.fileId());
    if (content.isEmpty()) {
      // in the trash: looked at again later, and at once if it comes back with new content
      rows.postpone(row, clock.instant().plus(settings.sweepInterval()));
      return;
    }
    var current = content.get().file().sha256();
    if (!current.equals(row.sha256())) {
      rows.pending(row.fileId(), current, clock.instant()); // replaced meanwhile: read the new one
      details.changed(row.fileId());
      return;
    }
    var open = new Opened(content.get()::channel);
    var worker = Thread.currentThread();
    var deadline =
        deadlines.schedule(
            () -> open.stop(worker), deadlines.getClock().instant().plus(settings.timeout()));
    Optional<Throwable> failure = Optional.empty();
    try {
      for (var step : steps) {
        step.run(row.fileId(), row.sha256(), open);
        details.changed(row.fileId()); // each step's result is shown as soon as it is there
      }
    } catch (Exception | StackOverflowError e) {
      // a hostile document may nest deeper than the stack: it fails like any other
      failure = Optional.of(e);
    } finally {
      deadline.cancel(false);
      open.finish();
      Thread.interrupted(); // a deadline that came as the steps ended
    }
    if (failure.isEmpty()) {
      rows.done(row);
      return;
    }
    failed(row, failure.get(), open.stopped());
  }

  private void failed(DocumentRows.Claimed row, Throwable e, boolean late) {
    var attempts = row.attempts() + 1;
    var last = attempts >= settings.maxAttempts();
    var now = clock.instant();
    var delay = settings.retryDelay(attempts);
    var error = late ? "not read within " + settings.timeout() : describe(e);
    rows.failed(row, attempts, last, now.plus(delay), error, now);
    details.changed(row.fileId());
    if (last) {
      log.warn("Gave up reading file {} after {} attempt(s): {}", row.fileId(), attempts, error);
    } else {
      log.info(
          "Could not read file {} (attempt {}), trying again in {}: {}",
          row.fileId(),
          attempts,
          delay,
          error);
    }
    log.debug("Reading file {} failed", row.fileId(), e);
  }

  private static String describe(Throwable e) {
    var text = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    var line = text.replaceAll("\\s+", " ").trim();
    return line.length() > MAX_ERROR_LENGTH ? line.substring(0, MAX_ERROR_LENGTH) : line;
  }

  /** The content as the steps open it, remembering every channel so a deadline can close them. */
  private static final class Opened implements DocumentStep.Content {

    private final DocumentStep.Content content;
    private final List<Closeable> channels = new ArrayList<>();
    private boolean stopped;
    private boolean finished;

    Opened(DocumentStep.Content content) {
      this.content = content;
    }

    @Override
    public SeekableByteChannel open() throws IOException {
      var channel = content.open();
      synchronized (this) {
        if (stopped) {
          channel.close();
          throw new IOException("Out of time");
        }
        channels.add(channel);
      }
      return channel;
    }

    /** Past the deadline: closes what is open and interrupts the worker, unless it finished. */
    synchronized void stop(Thread worker) {
      if (finished) {
        return;
      }
      stopped = true;
      closeAll();
      worker.interrupt();
    }

    /** The steps are over; a deadline that comes now does nothing. */
    synchronized void finish() {
      finished = true;
      closeAll();
    }

    synchronized boolean stopped() {
      return stopped;
    }

    private void closeAll() {
      for (var channel : channels) {
        try {
          channel.close();
        } catch (IOException | RuntimeException e) {
          log.debug("Could not close a document's channel", e);
        }
      }
      channels.clear();
    }
  }
}
