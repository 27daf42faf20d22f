package dev.fileshare.documents;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.ErrorHandler;

/**
 * The threads that work through the queue on a serving node ({@code workers} of them), started and
 * stopped with the context. Each reads due documents one after the other and, when none is due,
 * waits for {@code poll-interval} or for an upload at this node. Commands (such as {@code reindex})
 * start none: they work through the queue themselves. A failure is written to the log as the
 * scheduled tasks' are ({@code backgroundFailures}): a database that is away is one warning a
 * minute, not a stack trace at every poll.
 */
@Component
@ConditionalOnWebApplication
class DocumentWorkerPool implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(DocumentWorkerPool.class);

  private final DocumentJob job;
  private final DocumentWakeup wakeup;
  private final DocumentSettings settings;
  private final ErrorHandler failures;
  private @Nullable ExecutorService threads;
  private volatile boolean running;

  DocumentWorkerPool(
      DocumentJob job,
      DocumentWakeup wakeup,
      DocumentSettings settings,
      @Qualifier("backgroundFailures") ErrorHandler failures) {
    this.job = job;
    this.wakeup = wakeup;
    this.settings = settings;
    this.failures = failures;
  }

  @Override
  public synchronized void start() {
    if (running || settings.workers() == 0) {
      return;
    }
    running = true;
    var pool =
        Executors.newFixedThreadPool(
            settings.workers(), new CustomizableThreadFactory("document-worker-"));
    for (var i = 0; i < settings.workers(); i++) {
      pool.execute(this::work);
    }
    threads = pool;
  }

  private void work() {
    while (running) {
      try {
        if (!job.runNext(false)) {
          wakeup.await(settings.pollInterval());
        }
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException | Error e) {
        if (!running) {
          return;
        }
        // the thread stays: a worker that ended here would never come back
        failures.handleError(e);
        try {
          Thread.sleep(settings.pollInterval().toMillis());
        } catch (InterruptedException stopped) {
          return;
        }
      }
    }
  }

  @Override
  public synchronized void stop() {
    running = false;
    var pool = threads;
    threads = null;
    if (pool == null) {
      return;
    }
    pool.shutdownNow();
    try {
      if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
        log.warn("A document worker did not stop in time");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
