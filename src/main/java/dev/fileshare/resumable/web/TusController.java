package dev.fileshare.resumable.web;

import dev.fileshare.files.web.FileAnswer;
import dev.fileshare.files.web.FileUrlBuilder;
import dev.fileshare.resumable.ResumableUploadService;
import dev.fileshare.resumable.UploadState;
import dev.fileshare.shared.AuthenticatedUser;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * tus 1.0 (core, creation, creation-with-upload, termination, checksum, expiration) at {@code
 * /api/uploads/}, with the same token as the rest of the API. The answer that completes an upload,
 * and every HEAD after it, names the new file in {@code Fileshare-File-Id} and {@code
 * Fileshare-File-Url}; a client that accepts {@code application/json} also gets the file as JSON.
 */
@RestController
class TusController {

  private final ResumableUploadService uploads;
  private final FileUrlBuilder urls;

  TusController(ResumableUploadService uploads, FileUrlBuilder urls) {
    this.uploads = uploads;
    this.urls = urls;
  }

  @RequestMapping(
      path = {"/api/uploads", "/api/uploads/{id}"},
      method = RequestMethod.OPTIONS)
  ResponseEntity<Void> options() {
    return ResponseEntity.noContent()
        .header("Tus-Version", TusHeaders.VERSION)
        .header("Tus-Extension", TusHeaders.EXTENSIONS)
        .header("Tus-Max-Size", Long.toString(uploads.maxBytes()))
        .header("Tus-Checksum-Algorithm", "sha256")
        .build();
  }

  @PostMapping("/api/uploads")
  ResponseEntity<?> create(
      @AuthenticationPrincipal AuthenticatedUser user, HttpServletRequest request)
      throws IOException {
    TusHeaders.requireVersion(request);
    var length = TusHeaders.uploadLength(request);
    var withBody = TusHeaders.hasBody(request);
    if (withBody) {
      TusHeaders.requireOctetStream(request);
    }
    var checksum = TusHeaders.sha256(request);
    var state = uploads.create(user, length, request.getHeader("Upload-Metadata"));
    if (withBody) {
      try {
        state = append(user, state.id(), 0, request, checksum);
      } catch (IOException | RuntimeException e) {
        try {
          uploads.terminate(user, state.id());
        } catch (RuntimeException cleanup) {
          e.addSuppressed(cleanup); // left to expire
        }
        throw e;
      }
    }
    var answer =
        ResponseEntity.status(HttpStatus.CREATED)
            .header(HttpHeaders.LOCATION, "/api/uploads/" + state.id())
            .header("Upload-Expires", TusHeaders.date(state.expires()));
    if (withBody) {
      answer.header("Upload-Offset", Long.toString(state.offset()));
    }
    return finished(answer, state, request);
  }

  @RequestMapping(path = "/api/uploads/{id}", method = RequestMethod.HEAD)
  ResponseEntity<Void> head(
      @AuthenticationPrincipal AuthenticatedUser user,
      @PathVariable String id,
      HttpServletRequest request)
      throws IOException {
    TusHeaders.requireVersion(request);
    var state = uploads.state(user, id);
    var answer =
        ResponseEntity.ok()
            .header("Upload-Offset", Long.toString(state.offset()))
            .header("Upload-Length", Long.toString(state.length()))
            .header("Upload-Expires", TusHeaders.date(state.expires()))
            .header(HttpHeaders.CACHE_CONTROL, "no-store");
    var metadata = state.metadata();
    if (metadata != null) {
      answer.header("Upload-Metadata", metadata);
    }
    fileHeaders(answer, state);
    return answer.build();
  }

  @PatchMapping("/api/uploads/{id}")
  ResponseEntity<?> patch(
      @AuthenticationPrincipal AuthenticatedUser user,
      @PathVariable String id,
      HttpServletRequest request)
      throws IOException {
    TusHeaders.requireVersion(request);
    TusHeaders.requireOctetStream(request);
    var offset = TusHeaders.uploadOffset(request);
    var state = append(user, id, offset, request, TusHeaders.sha256(request));
    var answer =
        ResponseEntity.status(HttpStatus.NO_CONTENT)
            .header("Upload-Offset", Long.toString(state.offset()))
            .header("Upload-Expires", TusHeaders.date(state.expires()));
    return finished(answer, state, request);
  }

  @DeleteMapping("/api/uploads/{id}")
  ResponseEntity<Void> delete(
      @AuthenticationPrincipal AuthenticatedUser user,
      @PathVariable String id,
      HttpServletRequest request) {
    TusHeaders.requireVersion(request);
    uploads.terminate(user, id);
    return ResponseEntity.noContent().build();
  }

  private UploadState append(
      AuthenticatedUser user,
      String id,
      long offset,
      HttpServletRequest request,
      @Nullable String sha256)
      throws IOException {
    return uploads.append(
        user, id, offset, request.getInputStream(), request.getContentLengthLong(), sha256);
  }

  /** Adds the file's headers, and its JSON if the client asked for JSON, once there is a file. */
  private ResponseEntity<?> finished(
      ResponseEntity.BodyBuilder answer, UploadState state, HttpServletRequest request) {
    var file = state.file();
    if (file == null) {
      return answer.build();
    }
    fileHeaders(answer, state);
    var accept = request.getHeader(HttpHeaders.ACCEPT);
    if (accept == null || !accept.contains(MediaType.APPLICATION_JSON_VALUE)) {
      return answer.build();
    }
    var json = FileAnswer.withUrl(file, urls);
    var status = answer.build().getStatusCode();
    return ResponseEntity.status(status == HttpStatus.NO_CONTENT ? HttpStatus.OK : status)
        .headers(answer.build().getHeaders())
        .contentType(MediaType.APPLICATION_JSON)
        .body(json);
  }

  private void fileHeaders(ResponseEntity.HeadersBuilder<?> answer, UploadState state) {
    var file = state.file();
    if (file != null) {
      answer.header("Fileshare-File-Id", Long.toString(file.id()));
      answer.header("Fileshare-File-Url", urls.file(file.id()));
    }
  }
}
