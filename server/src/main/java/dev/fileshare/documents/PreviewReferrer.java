package dev.fileshare.documents;

import dev.fileshare.storage.BlobReferrer;
import org.springframework.stereotype.Component;

/** Keeps the blobs of previews from being swept as orphans: no file row names them. */
@Component
class PreviewReferrer implements BlobReferrer {

  private final PreviewRows rows;

  PreviewReferrer(PreviewRows rows) {
    this.rows = rows;
  }

  @Override
  public boolean references(String store, String key) {
    return rows.references(store, key);
  }
}
