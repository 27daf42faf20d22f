package dev.fileshare.files.verify;

/**
 * Keeps reading at or under a rate: after each read the caller says how many bytes it read, and the
 * pace sleeps for as long as it is ahead of the rate, so a verification leaves the disk and the
 * network to the server's clients.
 */
final class Pace {

  private final long bytesPerSecond;
  private final long start = System.nanoTime();
  private long bytes;

  /** {@code bytesPerSecond} of 0 or less: no limit. */
  Pace(long bytesPerSecond) {
    this.bytesPerSecond = bytesPerSecond;
  }

  void read(long count) throws InterruptedException {
    if (bytesPerSecond <= 0) {
      return;
    }
    bytes += count;
    var due = bytes * 1_000_000_000L / bytesPerSecond;
    var ahead = due - (System.nanoTime() - start);
    if (ahead > 1_000_000) {
      Thread.sleep(ahead / 1_000_000, (int) (ahead % 1_000_000));
    }
  }
}
