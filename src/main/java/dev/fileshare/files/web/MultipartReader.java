package dev.fileshare.files.web;

import dev.fileshare.files.FileProblems;
import dev.fileshare.files.StagedUpload;
import dev.fileshare.files.Uploads;
import dev.fileshare.shared.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import org.apache.commons.fileupload2.core.DiskFileItem;
import org.apache.commons.fileupload2.core.DiskFileItemFactory;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;

/**
 * Reads {@code multipart/form-data} as a stream (commons-fileupload2): the part {@code pdf} goes
 * straight into storage while it arrives; nothing is held in memory or staged by the container.
 * Other file parts are skipped; form fields are small and read into memory.
 */
final class MultipartReader {

  static final String FILE_FIELD = "pdf";
  private static final Logger log = LoggerFactory.getLogger(MultipartReader.class);
  private static final int MAX_FIELD_BYTES = 4096;
  private static final int MAX_PARTS = 32;

  private MultipartReader() {}

  static UploadForm read(HttpServletRequest request, Uploads uploads) throws IOException {
    var parser = new JakartaServletFileUpload<DiskFileItem, DiskFileItemFactory>();
    parser.setHeaderCharset(StandardCharsets.UTF_8);
    StagedUpload file = null;
    var fields = new HashMap<String, String>();
    try {
      var items = iterator(parser, request);
      for (var parts = 1; hasNext(items); parts++) {
        if (parts > MAX_PARTS) {
          throw new ApiException(HttpStatus.BAD_REQUEST, "The form has too many parts.");
        }
        var item = next(items);
        var isFile = FILE_FIELD.equals(item.getFieldName());
        if (item.isFormField()) {
          if (isFile) {
            throw FileProblems.notAFile();
          }
          fields.put(item.getFieldName(), field(item));
        } else if (isFile && file == null && item.getName() != null && !item.getName().isEmpty()) {
          try (var in = item.getInputStream()) {
            file = uploads.stage(in, item.getName());
          }
        }
      }
      return new UploadForm(file, FormFields.changes(fields));
    } catch (IOException | RuntimeException e) {
      if (file != null) {
        file.close();
      }
      throw e;
    }
  }

  private static FileItemInputIterator iterator(
      JakartaServletFileUpload<?, ?> parser, HttpServletRequest request) {
    try {
      return parser.getItemIterator(request);
    } catch (IOException e) {
      throw malformed(e);
    }
  }

  private static boolean hasNext(FileItemInputIterator items) {
    try {
      return items.hasNext();
    } catch (IOException e) {
      throw malformed(e);
    }
  }

  private static FileItemInput next(FileItemInputIterator items) {
    try {
      return items.next();
    } catch (IOException e) {
      throw malformed(e);
    }
  }

  private static String field(FileItemInput item) {
    try (var in = item.getInputStream()) {
      var bytes = in.readNBytes(MAX_FIELD_BYTES + 1);
      if (bytes.length > MAX_FIELD_BYTES) {
        throw FileProblems.invalid(
            item.getFieldName(), "The field is longer than " + MAX_FIELD_BYTES + " bytes.");
      }
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw malformed(e);
    }
  }

  /** The body is not valid multipart, or the client stopped sending it. */
  private static ApiException malformed(IOException e) {
    log.debug("Malformed or interrupted multipart body", e);
    return new ApiException(
        HttpStatus.BAD_REQUEST, "The multipart body is malformed or ended too early.");
  }
}
