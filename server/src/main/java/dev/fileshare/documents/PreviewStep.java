package dev.fileshare.documents;

import dev.fileshare.documents.PreviewRows.Preview;
import dev.fileshare.files.FileLookup;
import dev.fileshare.inspection.DocumentRenderer;
import dev.fileshare.storage.BlobStoreRegistry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Renders the first page of a document as PNG pictures {@link #WIDTHS} pixels wide, each stored as
 * a blob in the store new blobs go to, with a row that names the content it shows. The previews of
 * older content are replaced; a row always goes before its blob, so no row names a blob that is
 * gone. Whoever displaces a row deletes its blob, also when two jobs draw the same file at once (a
 * blob left without a row by a crash is swept as an orphan).
 */
@Component
@Order(300)
class PreviewStep implements DocumentStep {

  /** The widths rendered, in pixels. */
  static final List<Integer> WIDTHS = List.of(160, 320, 640);

  /** No preview is larger than this; a larger one is not kept. */
  private static final long MAX_BYTES = 8L * 1024 * 1024;

  private static final Logger log = LoggerFactory.getLogger(PreviewStep.class);

  private final DocumentRenderer renderer;
  private final PreviewRows rows;
  private final BlobStoreRegistry blobs;
  private final Clock clock;
  private final FileLookup files;

  PreviewStep(
      DocumentRenderer renderer,
      PreviewRows rows,
      BlobStoreRegistry blobs,
      Clock clock,
      FileLookup files) {
    this.renderer = renderer;
    this.rows = rows;
    this.blobs = blobs;
    this.clock = clock;
    this.files = files;
  }

  @Override
  public void run(long fileId, String sha256, Content content) throws IOException {
    var before = rows.of(fileId);
    if (!before.isEmpty()
        && before.stream()
            .allMatch(p -> p.sha256().equals(sha256) && p.store().equals(blobs.currentName()))
        && before.stream().map(Preview::width).toList().equals(WIDTHS)) {
      return;
    }
    Map<Integer, byte[]> pictures;
    try (var channel = content.open()) {
      pictures = renderer.firstPage(channel, WIDTHS);
    }
    var store = blobs.current();
    for (var entry : pictures.entrySet()) {
      var stored = store.store(new ByteArrayInputStream(entry.getValue()), MAX_BYTES);
      var preview =
          new Preview(
              fileId, entry.getKey(), sha256, blobs.currentName(), stored.key(), stored.size());
      List<Preview> displaced;
      try {
        displaced = rows.put(preview, clock.millis());
      } catch (RuntimeException e) {
        store.delete(stored.key());
        throw e;
      }
      displaced.forEach(this::deleteBlob);
    }
    for (var old : before) {
      if (!pictures.containsKey(old.width())) {
        rows.remove(old);
      }
      deleteBlob(old);
    }
    if (!files.exists(fileId)) {
      // removed (or put in the trash) while it was drawn, after its previews were forgotten
      forget(fileId);
    }
  }

  @Override
  public void forget(long fileId) {
    for (var preview : rows.of(fileId)) {
      rows.remove(preview);
      deleteBlob(preview);
    }
  }

  private void deleteBlob(Preview preview) {
    try {
      blobs.get(preview.store()).delete(preview.blobKey());
    } catch (IOException | RuntimeException e) {
      // the orphan sweeper removes it later: no row names it any more
      log.warn(
          "Could not delete the preview blob {} of file {}",
          preview.blobKey(),
          preview.fileId(),
          e);
    }
  }
}
