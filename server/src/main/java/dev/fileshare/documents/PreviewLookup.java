package dev.fileshare.documents;

import dev.fileshare.storage.BlobNotFoundException;
import dev.fileshare.storage.BlobStoreRegistry;
import java.io.IOException;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The stored previews of files, as the endpoints serve them. */
@Component
public class PreviewLookup {

  /** The width served when none is asked for. */
  public static final int DEFAULT_WIDTH = 320;

  private final PreviewRows rows;
  private final BlobStoreRegistry blobs;

  PreviewLookup(PreviewRows rows, BlobStoreRegistry blobs) {
    this.rows = rows;
    this.blobs = blobs;
  }

  /**
   * The width rendered that is nearest to the one asked for and at least as wide, or the widest.
   */
  public static int nearest(long width) {
    return PreviewStep.WIDTHS.stream()
        .filter(w -> w >= width)
        .findFirst()
        .orElse(PreviewStep.WIDTHS.get(PreviewStep.WIDTHS.size() - 1));
  }

  /** Whether a preview of that width showing the content whose SHA-256 is given is stored. */
  public boolean has(long fileId, String sha256, int width) {
    return rows.find(fileId, width).filter(p -> p.sha256().equals(sha256)).isPresent();
  }

  /**
   * The PNG of that width showing the content whose SHA-256 is given; empty when it has not been
   * rendered (yet), or only for other content.
   */
  public Optional<byte[]> png(long fileId, String sha256, int width) throws IOException {
    var preview = rows.find(fileId, width).filter(p -> p.sha256().equals(sha256));
    if (preview.isEmpty()) {
      return Optional.empty();
    }
    var store = blobs.find(preview.get().store());
    if (store.isEmpty()) {
      return Optional.empty();
    }
    try (var in = store.get().load(preview.get().blobKey())) {
      return Optional.of(in.readAllBytes());
    } catch (BlobNotFoundException e) {
      // replaced in the meantime
      return Optional.empty();
    }
  }
}
