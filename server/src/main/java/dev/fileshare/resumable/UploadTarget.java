package dev.fileshare.resumable;

import dev.fileshare.files.FileView;
import dev.fileshare.files.StagedUpload;
import dev.fileshare.shared.UserId;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * Where a resumable upload goes when the one sending it is not a signed-in user uploading their own
 * file: a file request, say. The target decides what is accepted, and makes the file at the end.
 */
public interface UploadTarget {

  /** The user the file will belong to. */
  UserId owner();

  /**
   * Who may see and go on with the upload, besides knowing its id: the same text on every request
   * of the same uploader, never empty.
   */
  String scope();

  /** The largest upload accepted, in bytes. */
  long maxBytes();

  /** Refuses an upload before any of its bytes arrive; {@code metadata} is what the client sent. */
  void checkMayCreate(long length, Map<String, String> metadata);

  /**
   * Makes the file of the complete upload, checked like any upload, or refuses it (a 4xx problem
   * ends the upload and removes it). The staged bytes stay the caller's to close.
   */
  FileView complete(StagedUpload staged, Map<String, String> metadata) throws IOException;

  /** The file a finished upload became, as this uploader may see it; empty if it is gone. */
  Optional<FileView> file(long fileId);
}
