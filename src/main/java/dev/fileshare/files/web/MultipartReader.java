package dev.fileshare.files.web;

import dev.fileshare.files.FileProblems;
import dev.fileshare.files.StagedUpload;
import dev.fileshare.files.UploadService;
import dev.fileshare.shared.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;

/**
 * Reads {@code multipart/form-data} as a stream: the part {@code pdf} goes straight into storage
 * while it arrives; nothing is held in memory or staged by the container. Other file parts are
 * skipped; form fields are small and read into memory.
 */
final class MultipartReader {

  static final String FILE_FIELD = "pdf";
  private static final Logger log = LoggerFactory.getLogger(MultipartReader.class);
  private static final int MAX_FIELD_BYTES = 4096;
  private static final int MAX_PARTS = 32;

  private MultipartReader() {}

  static UploadForm read(HttpServletRequest request, UploadService uploads) throws IOException {
    var parts = open(request);
    StagedUpload file = null;
    var fields = new HashMap<String, String>();
    try {
      var count = 0;
      for (var part = next(parts); part != null; part = next(parts)) {
        if (++count > MAX_PARTS) {
          throw new ApiException(HttpStatus.BAD_REQUEST, "The form has too many parts.");
        }
        var isFile = FILE_FIELD.equals(part.field());
        if (part.isFormField()) {
          if (isFile) {
            throw FileProblems.notAFile();
          }
          if (part.field() != null) {
            fields.put(part.field(), field(part));
          }
        } else if (isFile && file == null && !part.filename().isEmpty()) {
          file = uploads.stage(part.body(), part.filename());
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

  private static MultipartParts open(HttpServletRequest request) {
    try {
      var parts = MultipartParts.of(request);
      if (parts == null) {
        throw new ApiException(
            HttpStatus.BAD_REQUEST, "The multipart Content-Type has no boundary.");
      }
      return parts;
    } catch (IOException e) {
      throw malformed(e);
    }
  }

  private static MultipartParts.Part next(MultipartParts parts) {
    try {
      return parts.next();
    } catch (IOException e) {
      throw malformed(e);
    }
  }

  private static String field(MultipartParts.Part part) {
    try (var in = part.body()) {
      var bytes = in.readNBytes(MAX_FIELD_BYTES + 1);
      if (bytes.length > MAX_FIELD_BYTES) {
        throw FileProblems.invalid(
            part.field(), "The field is longer than " + MAX_FIELD_BYTES + " bytes.");
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
