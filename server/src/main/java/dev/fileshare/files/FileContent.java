package dev.fileshare.files;

import dev.fileshare.files.FileRows.BlobRef;
import dev.fileshare.storage.BlobNotFoundException;
import dev.fileshare.storage.BlobStore;
import dev.fileshare.storage.BlobStoreRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A file (or one of its versions) the caller may download, and the way to its bytes: the store and
 * key its row named when it was read. When the blob is gone from there because the same content
 * moved to another store in the meantime (a storage migration), the bytes are read from where the
 * row says now.
 */
public final class FileContent {

  private final FileView file;
  private final BlobRef blob;
  private final Supplier<Optional<BlobRef>> moved;
  private final BlobStoreRegistry blobs;

  FileContent(FileView file, FileRow row, FileRows rows, BlobStoreRegistry blobs) {
    this(
        file,
        new BlobRef(row.store(), row.blobKey()),
        () ->
            rows.byId(row.id())
                .filter(now -> now.sha256().equals(row.sha256()))
                .map(now -> new BlobRef(now.store(), now.blobKey())),
        blobs);
  }

  /**
   * @param moved where the same content is now, read again when the blob is not where it was; empty
   *     when the content is gone or changed
   */
  FileContent(
      FileView file, BlobRef blob, Supplier<Optional<BlobRef>> moved, BlobStoreRegistry blobs) {
    this.file = file;
    this.blob = blob;
    this.moved = moved;
    this.blobs = blobs;
  }

  public FileView file() {
    return file;
  }

  /** Opens all the bytes. The caller closes the stream. */
  public InputStream open() throws IOException {
    return open((store, key) -> store.load(key));
  }

  /**
   * A local file with exactly these bytes, for the container to send itself (sendfile), when the
   * store keeps blobs as local files; empty otherwise.
   */
  public Optional<String> sendfileName() throws IOException {
    try {
      return blobs.get(blob.store()).sendfileName(blob.key());
    } catch (BlobNotFoundException e) {
      var now = movedElsewhere(e);
      return blobs.get(now.store()).sendfileName(now.key());
    }
  }

  /** Opens {@code length} bytes from {@code offset}. The caller closes the stream. */
  public InputStream open(long offset, long length) throws IOException {
    return open((store, key) -> store.load(key, offset, length));
  }

  /**
   * Opens all the bytes for reading at random positions, for a reader that seeks (a PDF parser).
   * The caller closes the channel.
   */
  public SeekableByteChannel channel() throws IOException {
    try {
      return blobs.get(blob.store()).open(blob.key());
    } catch (BlobNotFoundException e) {
      var now = movedElsewhere(e);
      return blobs.get(now.store()).open(now.key());
    }
  }

  private InputStream open(Opener opener) throws IOException {
    try {
      return opener.open(blobs.get(blob.store()), blob.key());
    } catch (BlobNotFoundException e) {
      var now = movedElsewhere(e);
      return opener.open(blobs.get(now.store()), now.key());
    }
  }

  /** Where the same content is now, when it is no longer where it was; else the failure. */
  private BlobRef movedElsewhere(BlobNotFoundException notFound) throws BlobNotFoundException {
    return moved.get().filter(elsewhere -> !elsewhere.equals(blob)).orElseThrow(() -> notFound);
  }

  private interface Opener {
    InputStream open(BlobStore store, String key) throws IOException;
  }
}
