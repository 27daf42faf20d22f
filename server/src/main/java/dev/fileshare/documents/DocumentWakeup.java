package dev.fileshare.documents;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/** Tells an idle worker of this node that a document was queued, so it need not wait its poll. */
@Component
class DocumentWakeup {

  private final Semaphore queued = new Semaphore(0);

  void queued() {
    if (queued.availablePermits() < 1) {
      queued.release();
    }
  }

  /** Waits until something was queued or {@code timeout} has passed. */
  void await(Duration timeout) throws InterruptedException {
    if (queued.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      queued.drainPermits();
    }
  }
}
