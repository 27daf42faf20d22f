package dev.fileshare.files.web.multipart;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.apache.commons.fileupload2.core.DiskFileItem;
import org.apache.commons.fileupload2.core.DiskFileItemFactory;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;
import org.jspecify.annotations.Nullable;

/**
 * The parts of a {@code multipart/form-data} body, one after the other, each body a stream read
 * straight from the request through our {@link MultipartStream}. commons-fileupload2 still finds
 * the boundary in the Content-Type and parses each part's headers (Content-Disposition with {@code
 * filename*=} and the like); part headers may take up to 16 KiB, enough for a long non-Latin
 * filename, which takes three bytes a character.
 */
final class MultipartParts {

  static final int MAX_PART_HEADER_BYTES = 16 * 1024;

  /** Read from the request in pieces this large (the default, 4 KiB, costs a call per page). */
  static final int BUFFER_BYTES = 64 * 1024;

  private final MultipartStream input;
  private final JakartaServletFileUpload<DiskFileItem, DiskFileItemFactory> headers;

  private MultipartParts(
      MultipartStream input, JakartaServletFileUpload<DiskFileItem, DiskFileItemFactory> headers) {
    this.input = input;
    this.headers = headers;
  }

  /**
   * One part: a form field when it has no filename. The body is read, or skipped, before the next.
   */
  record Part(@Nullable String field, @Nullable String filename, InputStream body) {
    boolean isFormField() {
      return filename == null;
    }
  }

  /** The parts of the request's body; empty if its Content-Type has no boundary. */
  static Optional<MultipartParts> of(HttpServletRequest request) throws IOException {
    var headers = new JakartaServletFileUpload<DiskFileItem, DiskFileItemFactory>();
    var boundary = headers.getBoundary(request.getContentType());
    if (boundary == null || boundary.length == 0) {
      return Optional.empty();
    }
    var input =
        new MultipartStream(
            request.getInputStream(), boundary, BUFFER_BYTES, MAX_PART_HEADER_BYTES);
    return Optional.of(new MultipartParts(input, headers));
  }

  /** The next part; empty after the last. What is left of the previous one is skipped. */
  Optional<Part> next() throws IOException {
    if (!input.nextPart()) {
      return Optional.empty();
    }
    var parsed = headers.getParsedHeaders(input.readHeaders());
    return Optional.of(
        new Part(headers.getFieldName(parsed), headers.getFileName(parsed), input.body()));
  }
}
