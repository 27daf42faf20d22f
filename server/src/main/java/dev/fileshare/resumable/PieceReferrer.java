package dev.fileshare.resumable;

import dev.fileshare.storage.BlobReferrer;
import org.springframework.stereotype.Component;

/** Keeps the pieces of uploads in progress from being swept as orphaned blobs. */
@Component
class PieceReferrer implements BlobReferrer {

  private final PieceRows rows;

  PieceReferrer(PieceRows rows) {
    this.rows = rows;
  }

  @Override
  public boolean references(String store, String key) {
    return rows.references(store, key);
  }
}
