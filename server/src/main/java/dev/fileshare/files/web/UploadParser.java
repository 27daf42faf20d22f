package dev.fileshare.files.web;

import dev.fileshare.files.FileChanges;
import dev.fileshare.files.FileProblems;
import dev.fileshare.files.FilesSettings;
import dev.fileshare.files.web.multipart.MultipartReader;
import dev.fileshare.files.web.multipart.UploadStager;
import dev.fileshare.shared.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.HashMap;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an upload or a change in any of the forms clients send: a multipart form (file in {@code
 * pdf}), a raw body with the name in {@code ?name=} or {@code Content-Disposition} (for scripts),
 * or, without a file, JSON or a urlencoded form with {@code name} and {@code visibility}.
 */
@Component
class UploadParser {

  /** Room for the form fields and part headers around the file in a multipart body. */
  static final long MULTIPART_OVERHEAD = 1024 * 1024;

  private static final int MAX_JSON_BYTES = 64 * 1024;

  private final FilesSettings settings;
  private final JsonMapper json;

  UploadParser(FilesSettings settings, JsonMapper json) {
    this.settings = settings;
    this.json = json;
  }

  /**
   * Reads the request; the file in it, if any, is handed to {@code stager} while it arrives, and is
   * stored completely before this returns.
   *
   * @param creating whether this makes a new file, which needs a name
   */
  UploadForm parse(HttpServletRequest request, boolean creating, UploadStager stager)
      throws IOException {
    var found = mediaType(request);
    if (found.isEmpty()) {
      return hasBody(request) ? raw(request, creating, stager) : UploadForm.EMPTY;
    }
    var type = found.get();
    if (type.getType().equals("multipart")) {
      refuseLongerThan(request, maxBytes() + MULTIPART_OVERHEAD);
      var form = MultipartReader.read(request, stager);
      return UploadForm.of(form.file(), form.fields());
    }
    if (type.equalsTypeAndSubtype(MediaType.APPLICATION_JSON)) {
      return json(request);
    }
    if (type.equalsTypeAndSubtype(MediaType.APPLICATION_FORM_URLENCODED)) {
      return form(request);
    }
    return raw(request, creating, stager);
  }

  /**
   * At least how many bytes the file in the request has, as far as its Content-Length tells: all of
   * a raw body, all but the room for the fields and part headers of a multipart one; 0 if it does
   * not tell or the request carries no file.
   */
  long announcedFileBytes(HttpServletRequest request) {
    var length = request.getContentLengthLong();
    if (length <= 0 || !mayCarryFile(request)) {
      return 0;
    }
    var multipart = mediaType(request).filter(type -> type.getType().equals("multipart"));
    return multipart.isPresent() ? Math.max(0, length - MULTIPART_OVERHEAD) : length;
  }

  /** Whether the request may carry a file, so that the caller's rights are checked before. */
  boolean mayCarryFile(HttpServletRequest request) {
    return mediaType(request)
        .map(
            type ->
                !type.equalsTypeAndSubtype(MediaType.APPLICATION_JSON)
                    && !type.equalsTypeAndSubtype(MediaType.APPLICATION_FORM_URLENCODED))
        .orElseGet(() -> hasBody(request));
  }

  private UploadForm raw(HttpServletRequest request, boolean creating, UploadStager stager)
      throws IOException {
    refuseLongerThan(request, maxBytes());
    var name = request.getParameter("name");
    if (name == null) {
      name = dispositionName(request.getHeader("Content-Disposition"));
    }
    if (creating && (name == null || name.isBlank())) {
      throw FileProblems.invalid(
          "name", "Give the file's name in ?name= or in a Content-Disposition header.");
    }
    var visibility = FormFields.visibility(request.getParameter("visibility"));
    var file = stager.stage(request.getInputStream(), name);
    return new UploadForm(Optional.of(file), new FileChanges(null, visibility));
  }

  private UploadForm form(HttpServletRequest request) {
    if (request.getParameter(MultipartReader.FILE_FIELD) != null) {
      throw FileProblems.notAFile();
    }
    var fields = new HashMap<String, String>();
    for (var field : new String[] {"name", "visibility"}) {
      var value = request.getParameter(field);
      if (value != null) {
        fields.put(field, value);
      }
    }
    return UploadForm.of(Optional.empty(), fields);
  }

  private UploadForm json(HttpServletRequest request) throws IOException {
    var bytes = request.getInputStream().readNBytes(MAX_JSON_BYTES + 1);
    if (bytes.length > MAX_JSON_BYTES) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "The JSON body is too long.");
    }
    JsonNode body;
    try {
      body = json.readTree(bytes);
    } catch (JacksonException e) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "The body is not valid JSON.");
    }
    if (body == null || !body.isObject()) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "Send a JSON object.");
    }
    if (body.has(MultipartReader.FILE_FIELD)) {
      throw FileProblems.notAFile();
    }
    var fields = new HashMap<String, String>();
    for (var field : new String[] {"name", "visibility"}) {
      var value = body.get(field);
      if (value != null && !value.isNull()) {
        if (!value.isString()) {
          throw FileProblems.invalid(field, "Not a valid string.");
        }
        fields.put(field, value.asString());
      }
    }
    return UploadForm.of(Optional.empty(), fields);
  }

  /** Refuses at once, before reading, a body that announces it is too long. */
  private void refuseLongerThan(HttpServletRequest request, long max) {
    if (request.getContentLengthLong() > max) {
      throw FileProblems.tooLarge(maxBytes());
    }
  }

  private long maxBytes() {
    return settings.maxUploadSize().toBytes();
  }

  private static boolean hasBody(HttpServletRequest request) {
    return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
  }

  private static Optional<MediaType> mediaType(HttpServletRequest request) {
    var header = request.getContentType();
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(MediaType.parseMediaType(header));
    } catch (InvalidMediaTypeException | IndexOutOfBoundsException e) {
      // Spring's parser runs off the start of a type in quotes ("a"/b)
      throw new ApiException(HttpStatus.BAD_REQUEST, "The Content-Type header is malformed.");
    }
  }

  private static @Nullable String dispositionName(@Nullable String header) {
    if (header == null) {
      return null;
    }
    try {
      return ContentDisposition.parse(header).getFilename();
    } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
      // Spring's parser runs off the end of a value that is a lone quote (filename=")
      return null;
    }
  }
}
