package dev.fileshare.files.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.apache.commons.fileupload2.core.DiskFileItem;
import org.apache.commons.fileupload2.core.DiskFileItemFactory;
import org.apache.commons.fileupload2.core.MultipartInput;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;

/**
 * The parts of a {@code multipart/form-data} body, one after the other, each body a stream read
 * straight from the request (commons-fileupload2's {@link MultipartInput}). Used instead of {@code
 * getItemIterator}, whose part headers may not exceed 512 bytes: too little for a long non-Latin
 * filename, which takes three bytes a character.
 */
final class MultipartParts {

  static final int MAX_PART_HEADER_BYTES = 16 * 1024;

  /** Read from the request in pieces this large (the default, 4 KiB, costs a call per page). */
  static final int BUFFER_BYTES = 64 * 1024;

  private final MultipartInput input;
  private final JakartaServletFileUpload<DiskFileItem, DiskFileItemFactory> headers;
  private boolean started;
  private InputStream current;

  private MultipartParts(
      MultipartInput input, JakartaServletFileUpload<DiskFileItem, DiskFileItemFactory> headers) {
    this.input = input;
    this.headers = headers;
  }

  /**
   * One part: a form field when it has no filename. The body is read, or skipped, before the next.
   */
  record Part(String field, String filename, InputStream body) {
    boolean isFormField() {
      return filename == null;
    }
  }

  /** The parts of the request's body, or {@code null} if its Content-Type has no boundary. */
  static MultipartParts of(HttpServletRequest request) throws IOException {
    var headers = new JakartaServletFileUpload<DiskFileItem, DiskFileItemFactory>();
    var boundary = headers.getBoundary(request.getContentType());
    if (boundary == null) {
      return null;
    }
    var input =
        MultipartInput.builder()
            .setInputStream(request.getInputStream())
            .setBoundary(boundary)
            .setPartHeaderSizeMax(MAX_PART_HEADER_BYTES)
            .setBufferSize(BUFFER_BYTES)
            .get();
    input.setHeaderCharset(StandardCharsets.UTF_8);
    return new MultipartParts(input, headers);
  }

  /** The next part, or {@code null} after the last. What is left of the previous one is skipped. */
  Part next() throws IOException {
    if (current != null) {
      current.close();
    }
    var more = started ? input.readBoundary() : input.skipPreamble();
    started = true;
    if (!more) {
      current = null;
      return null;
    }
    var parsed = headers.getParsedHeaders(input.readHeaders());
    current = input.newInputStream();
    return new Part(headers.getFieldName(parsed), headers.getFileName(parsed), current);
  }
}
