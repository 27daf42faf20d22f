package dev.fileshare.resumable.web;

import dev.fileshare.files.FileView;
import dev.fileshare.resumable.ResumableUploadService;
import dev.fileshare.resumable.UploadState;
import dev.fileshare.resumable.Uploader;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * tus 1.0 (core, creation, creation-with-upload, termination, checksum, expiration) over HTTP, for
 * any {@link Uploader}: the controllers only say who uploads and where the uploads live. The answer
 * that completes an upload, and every HEAD after it, names the new file in {@code
 * Fileshare-File-Id} and {@code Fileshare-File-Url}; a client that accepts {@code application/json}
 * also gets the file as JSON.
 */
@Component
public class TusEndpoint {

  /** How the answers name the file a finished upload became. */
  public interface Finished {

    /** The file's address. */
    String url(FileView file);

    /** The file as JSON. */
    Object json(FileView file);
  }

  private final ResumableUploadService uploads;

  TusEndpoint(ResumableUploadService uploads) {
    this.uploads = uploads;
  }

  /**
   * The filter every tus path needs before security: every answer carries {@code Tus-Resumable},
   * and {@code X-HTTP-Method-Override} is honoured.
   */
  public static OncePerRequestFilter requestFilter() {
    return new TusRequestFilter();
  }

  /** What the server speaks, and the largest upload it takes from anyone. */
  public ResponseEntity<Void> options() {
    return options(uploads.maxBytes());
  }

  /** What the server speaks, and the largest upload this uploader may send. */
  public ResponseEntity<Void> options(Uploader uploader) {
    return options(uploads.maxBytes(uploader));
  }

  private static ResponseEntity<Void> options(long maxBytes) {
    return ResponseEntity.noContent()
        .header("Tus-Version", TusHeaders.VERSION)
        .header("Tus-Extension", TusHeaders.EXTENSIONS)
        .header("Tus-Max-Size", Long.toString(maxBytes))
        .header("Tus-Checksum-Algorithm", "sha256")
        .build();
  }

  /** Starts an upload whose address is {@code base} and its id. */
  public ResponseEntity<?> create(
      Uploader uploader, String base, HttpServletRequest request, Finished finished)
      throws IOException {
    TusHeaders.requireVersion(request);
    var length = TusHeaders.uploadLength(request);
    var withBody = TusHeaders.hasBody(request);
    if (withBody) {
      TusHeaders.requireOctetStream(request);
    }
    var checksum = TusHeaders.sha256(request);
    var state = uploads.create(uploader, length, request.getHeader("Upload-Metadata"));
    if (withBody) {
      try {
        state = append(uploader, state.id(), 0, request, checksum);
      } catch (IOException | RuntimeException e) {
        try {
          uploads.terminate(uploader, state.id());
        } catch (RuntimeException cleanup) {
          e.addSuppressed(cleanup); // left to expire
        }
        throw e;
      }
    }
    var answer =
        ResponseEntity.status(HttpStatus.CREATED)
            .header(HttpHeaders.LOCATION, base + state.id())
            .header("Upload-Expires", TusHeaders.date(state.expires()));
    if (withBody) {
      answer.header("Upload-Offset", Long.toString(state.offset()));
    }
    return finished(answer, state, request, finished);
  }

  public ResponseEntity<Void> head(
      Uploader uploader, String id, HttpServletRequest request, Finished finished)
      throws IOException {
    TusHeaders.requireVersion(request);
    var state = uploads.state(uploader, id);
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
    fileHeaders(answer, state, finished);
    return answer.build();
  }

  public ResponseEntity<?> patch(
      Uploader uploader, String id, HttpServletRequest request, Finished finished)
      throws IOException {
    TusHeaders.requireVersion(request);
    TusHeaders.requireOctetStream(request);
    var offset = TusHeaders.uploadOffset(request);
    var state = append(uploader, id, offset, request, TusHeaders.sha256(request));
    var answer =
        ResponseEntity.status(HttpStatus.NO_CONTENT)
            .header("Upload-Offset", Long.toString(state.offset()))
            .header("Upload-Expires", TusHeaders.date(state.expires()));
    return finished(answer, state, request, finished);
  }

  public ResponseEntity<Void> delete(Uploader uploader, String id, HttpServletRequest request) {
    TusHeaders.requireVersion(request);
    uploads.terminate(uploader, id);
    return ResponseEntity.noContent().build();
  }

  private UploadState append(
      Uploader uploader,
      String id,
      long offset,
      HttpServletRequest request,
      @Nullable String sha256)
      throws IOException {
    return uploads.append(
        uploader, id, offset, request.getInputStream(), request.getContentLengthLong(), sha256);
  }

  /** Adds the file's headers, and its JSON if the client asked for JSON, once there is a file. */
  private static ResponseEntity<?> finished(
      ResponseEntity.BodyBuilder answer,
      UploadState state,
      HttpServletRequest request,
      Finished finished) {
    var file = state.file();
    if (file == null) {
      return answer.build();
    }
    fileHeaders(answer, state, finished);
    var accept = request.getHeader(HttpHeaders.ACCEPT);
    if (accept == null || !accept.contains(MediaType.APPLICATION_JSON_VALUE)) {
      return answer.build();
    }
    var status = answer.build().getStatusCode();
    return ResponseEntity.status(status == HttpStatus.NO_CONTENT ? HttpStatus.OK : status)
        .headers(answer.build().getHeaders())
        .contentType(MediaType.APPLICATION_JSON)
        .body(finished.json(file));
  }

  private static void fileHeaders(
      ResponseEntity.HeadersBuilder<?> answer, UploadState state, Finished finished) {
    var file = state.file();
    if (file != null) {
      answer.header("Fileshare-File-Id", Long.toString(file.id()));
      answer.header("Fileshare-File-Url", finished.url(file));
    }
  }
}
