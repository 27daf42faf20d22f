package dev.fileshare.uploads;

import dev.fileshare.storage.BlobReferences;
import org.springframework.stereotype.Component;

/** Keeps the pieces of uploads in progress from being swept as orphaned blobs. */
@Component
class PieceReferences implements BlobReferences {

  private final UploadRows rows;

  PieceReferences(UploadRows rows) {
    this.rows = rows;
  }

  @Override
  public boolean references(String key) {
    return rows.references(key);
  }
}
