package dev.fileshare.files;

import dev.fileshare.storage.BlobStore.StoredBlob;
import org.jspecify.annotations.Nullable;

/** Staged uploads for tests of the web layer that parse a request without a store behind them. */
public final class StagedUploads {

  private StagedUploads() {}

  /** Bytes as if stored under a made-up key; closing them removes nothing. */
  public static StagedUpload of(long size, @Nullable String clientName) {
    return new StagedUpload("test", new StoredBlob("staged", size, ""), clientName, key -> {});
  }
}
