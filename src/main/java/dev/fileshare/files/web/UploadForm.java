package dev.fileshare.files.web;

import dev.fileshare.files.FileChanges;
import dev.fileshare.files.StagedUpload;

/**
 * What a request to upload or change a file carried.
 *
 * @param file the stored bytes, or {@code null} if no file was sent
 * @param changes the name and visibility fields
 */
record UploadForm(StagedUpload file, FileChanges changes) implements AutoCloseable {

  static final UploadForm EMPTY = new UploadForm(null, FileChanges.NONE);

  @Override
  public void close() {
    if (file != null) {
      file.close();
    }
  }
}
