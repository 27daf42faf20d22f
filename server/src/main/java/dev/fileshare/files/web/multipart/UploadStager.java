package dev.fileshare.files.web.multipart;

import dev.fileshare.files.StagedUpload;
import java.io.IOException;
import java.io.InputStream;
import org.jspecify.annotations.Nullable;

/**
 * Stores an uploaded file's bytes while they arrive: all that reading a request may do with the
 * files module. Parsing hands the bytes on; what becomes of them is decided afterwards.
 */
@FunctionalInterface
public interface UploadStager {

  /**
   * Streams {@code content} into storage. The caller closes the result (which removes the bytes
   * unless a file took them over) and still owns {@code content}.
   *
   * @param clientName the filename the client sent, or {@code null} if it sent none
   */
  StagedUpload stage(InputStream content, @Nullable String clientName) throws IOException;
}
