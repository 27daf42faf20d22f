package dev.fileshare.resumable;

import java.util.concurrent.ScheduledFuture;
import org.jspecify.annotations.Nullable;

/**
 * One writer's claim on an upload, renewed in the background until {@link #close}; {@link #lost}
 * turns true if another writer took the upload over (after this one's lease ran out), and {@link
 * #tookOver} tells whether this one took it over so (its last writer may still be writing).
 */
final class Hold implements AutoCloseable {

  private final String id;
  private final String token;
  private final UploadRows rows;
  private final boolean tookOver;
  volatile @Nullable ScheduledFuture<?> renewal;
  private volatile boolean lost;
  private boolean closed;

  Hold(String id, String token, UploadRows rows, boolean tookOver) {
    this.id = id;
    this.token = token;
    this.rows = rows;
    this.tookOver = tookOver;
  }

  String id() {
    return id;
  }

  String token() {
    return token;
  }

  /**
   * Whether the upload was claimed from a writer whose lease ran out rather than one that let it
   * go: that writer may not know yet, and may still be writing what it will never record.
   */
  boolean tookOver() {
    return tookOver;
  }

  boolean lost() {
    return lost;
  }

  void lose() {
    lost = true;
    stopRenewing();
  }

  /** Stops renewing without releasing: for when the row was changed or removed by the holder. */
  void stopRenewing() {
    var future = renewal;
    if (future != null) {
      future.cancel(false);
    }
  }

  /** Stops renewing and lets the upload go, if this writer still holds it. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    stopRenewing();
    if (!lost) {
      rows.release(id, token);
    }
  }
}
