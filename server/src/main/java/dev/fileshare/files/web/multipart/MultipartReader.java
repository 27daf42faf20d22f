package dev.fileshare.files.web.multipart;

import dev.fileshare.files.FileProblems;
import dev.fileshare.files.StagedUpload;
import dev.fileshare.shared.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;

/**
 * Reads {@code multipart/form-data} as a stream: the part {@code pdf} goes straight into storage
 * while it arrives; nothing is held in memory or staged by the container. Other file parts are
 * skipped; form fields are small and read into memory.
 */
public final class MultipartReader {

  /** The form field that carries the file, as in the original API. */
  public static final String FILE_FIELD = "pdf";

  private static final Logger log = LoggerFactory.getLogger(MultipartReader.class);
  private static final int MAX_FIELD_BYTES = 4096;
  private static final int MAX_PARTS = 32;

  private MultipartReader() {}

  /**
   * Reads the whole body; the file part goes to {@code stager} as it arrives. If reading fails
   * after that, the staged file is closed (its bytes removed) before the failure is thrown.
   */
  public static MultipartForm read(HttpServletRequest request, UploadStager stager)
      throws IOException {
    var parts = open(request);
    @Nullable StagedUpload file = null;
    var fields = new HashMap<String, String>();
    try {
      var count = 0;
      for (var next = next(parts); next.isPresent(); next = next(parts)) {
        var part = next.get();
        if (++count > MAX_PARTS) {
          throw new ApiException(HttpStatus.BAD_REQUEST, "The form has too many parts.");
        }
        var isFile = FILE_FIELD.equals(part.field());
        if (part.isFormField()) {
          if (isFile) {
            throw FileProblems.notAFile();
          }
          if (part.field() != null) {
            fields.put(part.field(), field(part.field(), part));
          }
        } else if (isFile && file == null && !part.filename().isEmpty()) {
          file = stager.stage(part.body(), part.filename());
        }
      }
      return new MultipartForm(Optional.ofNullable(file), fields);
    } catch (IOException | RuntimeException e) {
      if (file != null) {
        file.close();
      }
      throw e;
    }
  }

  private static MultipartParts open(HttpServletRequest request) {
    try {
      return MultipartParts.of(request)
          .orElseThrow(
              () ->
                  new ApiException(
                      HttpStatus.BAD_REQUEST, "The multipart Content-Type has no boundary."));
    } catch (IOException e) {
      throw malformed(e);
    }
  }

  private static Optional<MultipartParts.Part> next(MultipartParts parts) {
    try {
      return parts.next();
    } catch (IOException e) {
      throw malformed(e);
    }
  }

  private static String field(String name, MultipartParts.Part part) {
    try (var in = part.body()) {
      var bytes = in.readNBytes(MAX_FIELD_BYTES + 1);
      if (bytes.length > MAX_FIELD_BYTES) {
        throw FileProblems.invalid(name, "The field is longer than " + MAX_FIELD_BYTES + " bytes.");
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
