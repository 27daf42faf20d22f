package dev.fileshare.files.migration;

import dev.fileshare.files.FileLocations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The blobs that moved rows left behind in the old store, deleted a few seconds after their rows
 * switched rather than at once. A node that read a row just before the switch may still be about to
 * open the old blob: a download handed to the container by file name (sendfile) opens it only after
 * the request returned, and cannot turn to the new place then. The delay lets such a download start
 * on the old bytes (an opened file stays readable when it is deleted). A run killed before the
 * delay is over leaves blobs no row refers to, which the sweeper removes.
 */
final class RetiredBlobs {

  /** Deletes one left-behind blob unless a row still refers to it. */
  interface Deleter {
    void delete(FileLocations rows, String store, String key);
  }

  private record Retired(FileLocations rows, String store, String key, Instant due) {}

  private final Duration delay;
  private final Clock clock;
  private final Deleter deleter;
  private final Deque<Retired> waiting = new ArrayDeque<>();

  RetiredBlobs(Duration delay, Clock clock, Deleter deleter) {
    this.delay = delay;
    this.clock = clock;
    this.deleter = deleter;
  }

  /** The row now points elsewhere: the blob it pointed at goes once the delay is over. */
  void add(FileLocations rows, String store, String key) {
    waiting.addLast(new Retired(rows, store, key, clock.instant().plus(delay)));
  }

  /** Deletes those whose delay is over. */
  void deleteDue() {
    var now = clock.instant();
    while (!waiting.isEmpty() && !waiting.peekFirst().due().isAfter(now)) {
      delete(waiting.removeFirst());
    }
  }

  /** Waits until the last delay is over and deletes every one. */
  void deleteAll() throws InterruptedException {
    while (!waiting.isEmpty()) {
      var wait = Duration.between(clock.instant(), waiting.peekLast().due());
      if (!wait.isNegative() && !wait.isZero()) {
        Thread.sleep(wait.toMillis() + 1);
      }
      deleteDue();
    }
  }

  int size() {
    return waiting.size();
  }

  private void delete(Retired blob) {
    deleter.delete(blob.rows(), blob.store(), blob.key());
  }
}
