package dev.fileshare.files.web;

import dev.fileshare.files.FileChanges;
import dev.fileshare.files.StagedUpload;
import java.util.Map;
import java.util.Optional;

/**
 * What a request to upload or change a file carried. Closing it removes the stored bytes, unless a
 * file took them over.
 *
 * @param file the stored bytes; empty if no file was sent
 * @param changes the name and visibility fields
 */
record UploadForm(Optional<StagedUpload> file, FileChanges changes) implements AutoCloseable {

  static final UploadForm EMPTY = new UploadForm(Optional.empty(), FileChanges.NONE);

  /** The file with these form fields; if the fields are not valid, the file's bytes are removed. */
  static UploadForm of(Optional<StagedUpload> file, Map<String, String> fields) {
    try {
      return new UploadForm(file, FormFields.changes(fields));
    } catch (RuntimeException e) {
      file.ifPresent(StagedUpload::close);
      throw e;
    }
  }

  @Override
  public void close() {
    file.ifPresent(StagedUpload::close);
  }
}
