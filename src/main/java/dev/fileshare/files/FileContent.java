package dev.fileshare.files;

import dev.fileshare.storage.BlobNotFoundException;
import dev.fileshare.storage.BlobStore;
import dev.fileshare.storage.BlobStoreRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * A file the caller may download, and the way to its bytes: the store and key its row named when it
 * was read. When the blob is gone from there because the same content moved to another store in the
 * meantime (a storage migration), the bytes are read from where the row says now.
 */
public final class FileContent {

  private final FileView file;
  private final FileRow row;
  private final FileRows rows;
  private final BlobStoreRegistry blobs;

  FileContent(FileView file, FileRow row, FileRows rows, BlobStoreRegistry blobs) {
    this.file = file;
    this.row = row;
    this.rows = rows;
    this.blobs = blobs;
  }

  public FileView file() {
    return file;
  }

  /** Opens all the bytes. The caller closes the stream. */
  public InputStream open() throws IOException {
    return open(store -> store.load(row.blobKey()), (store, key) -> store.load(key));
  }

  /**
   * A local file with exactly these bytes, for the container to send itself (sendfile), when the
   * store keeps blobs as local files; empty otherwise.
   */
  public Optional<String> sendfileName() throws IOException {
    return blobs.get(row.store()).sendfileName(row.blobKey());
  }

  /** Opens {@code length} bytes from {@code offset}. The caller closes the stream. */
  public InputStream open(long offset, long length) throws IOException {
    return open(
        store -> store.load(row.blobKey(), offset, length),
        (store, key) -> store.load(key, offset, length));
  }

  private InputStream open(Opener first, MovedOpener moved) throws IOException {
    try {
      return first.open(blobs.get(row.store()));
    } catch (BlobNotFoundException e) {
      var now = rows.byId(row.id()).orElseThrow(() -> e);
      var sameContent = now.sha256().equals(row.sha256());
      var elsewhere = !now.store().equals(row.store()) || !now.blobKey().equals(row.blobKey());
      if (!sameContent || !elsewhere) {
        throw e;
      }
      return moved.open(blobs.get(now.store()), now.blobKey());
    }
  }

  private interface Opener {
    InputStream open(BlobStore store) throws IOException;
  }

  private interface MovedOpener {
    InputStream open(BlobStore store, String key) throws IOException;
  }
}
