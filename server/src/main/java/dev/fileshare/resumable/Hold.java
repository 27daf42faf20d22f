package dev.fileshare.resumable;

import java.util.concurrent.ScheduledFuture;
import org.jspecify.annotations.Nullable;

/**
 * One writer's claim on an upload, renewed in the background until {@link #close}; {@link #lost}
 * turns true if another writer took the upload over (after this one's lease ran out).
 */
final class Hold implements AutoCloseable {

  private final String id;
  private final String token;
  private final UploadRows rows;
  volatile @Nullable ScheduledFuture<?> renewal;
  private volatile boolean lost;
  private boolean closed;

  Hold(String id, String token, UploadRows rows) {
    this.id = id;
    this.token = token;
    this.rows = rows;
  }

  String id() {
    return id;
  }

  String token() {
    return token;
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
