package dev.fileshare.documents;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnNotWebApplication;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar fileshare.jar reindex}: puts every file outside the trash back in the queue,
 * then reads every queued document in the foreground (a document that fails is tried again at once,
 * up to {@code max-attempts}) until none is left, and logs how far it got. The process ends with 0
 * when every document was read, 1 when some failed (the log says which and why), 2 when the command
 * is wrong. It runs beside the serving nodes, with their configuration; their workers help with the
 * queue meanwhile.
 */
@Component
@ConditionalOnNotWebApplication
class ReindexCommand implements ApplicationRunner, ExitCodeGenerator {

  static final String NAME = "reindex";
  private static final Logger log = LoggerFactory.getLogger(ReindexCommand.class);
  private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);

  private final DocumentSweep sweep;
  private final DocumentJob job;
  private final DocumentRows rows;
  private final Clock clock;
  private int exitCode;

  ReindexCommand(DocumentSweep sweep, DocumentJob job, DocumentRows rows, Clock clock) {
    this.sweep = sweep;
    this.job = job;
    this.rows = rows;
    this.clock = clock;
  }

  @Override
  public void run(ApplicationArguments args) {
    var words = args.getNonOptionArgs();
    if (words.isEmpty() || !NAME.equals(words.get(0))) {
      return;
    }
    if (words.size() > 1) {
      log.error("Usage: java -jar fileshare.jar {}", NAME);
      exitCode = 2;
      return;
    }
    var queued = sweep.queue(true);
    log.info("Reading {} documents again", queued);
    var read = 0L;
    var lastProgress = clock.instant();
    while (job.runNext(true)) {
      read++;
      if (Duration.between(lastProgress, clock.instant()).compareTo(PROGRESS_EVERY) >= 0) {
        lastProgress = clock.instant();
        log.info("Read {} of {} documents", read, queued);
      }
    }
    var counts = rows.counts();
    var failed = counts.getOrDefault("failed", 0L);
    var pending = counts.getOrDefault("pending", 0L);
    log.info(
        "Read {} documents: {} with text, {} without text, {} failed, {} still being read by"
            + " serving nodes",
        read,
        counts.getOrDefault("indexed", 0L),
        counts.getOrDefault("none", 0L),
        failed,
        pending);
    if (failed > 0) {
      log.error("{} documents could not be read; see the warnings above", failed);
      exitCode = 1;
    }
  }

  @Override
  public int getExitCode() {
    return exitCode;
  }
}
