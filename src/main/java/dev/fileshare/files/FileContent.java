package dev.fileshare.files;

import dev.fileshare.storage.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/** A file the caller may download, and the way to its bytes. */
public final class FileContent {

  private final FileView file;
  private final String blobKey;
  private final BlobStore blobs;

  FileContent(FileView file, String blobKey, BlobStore blobs) {
    this.file = file;
    this.blobKey = blobKey;
    this.blobs = blobs;
  }

  public FileView file() {
    return file;
  }

  /** Opens all the bytes. The caller closes the stream. */
  public InputStream open() throws IOException {
    return blobs.load(blobKey);
  }

  /**
   * A local file with exactly these bytes, for the container to send itself (sendfile), when the
   * store keeps blobs as local files; empty otherwise.
   */
  public Optional<String> sendfileName() throws IOException {
    return blobs.sendfileName(blobKey);
  }

  /** Opens {@code length} bytes from {@code offset}. The caller closes the stream. */
  public InputStream open(long offset, long length) throws IOException {
    return blobs.load(blobKey, offset, length);
  }
}
