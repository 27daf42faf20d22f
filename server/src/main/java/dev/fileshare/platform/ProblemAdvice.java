package dev.fileshare.platform;

import dev.fileshare.shared.ApiException;
import dev.fileshare.shared.Unavailable;
import java.net.URI;
import java.util.Map;
import org.apache.coyote.CloseNowException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The one writer of error bodies: every error becomes an RFC 9457 problem ({@code
 * application/problem+json}) with {@code type}, {@code title}, {@code status}, {@code detail} and
 * {@code instance}. The original API's members ({@code detail}, {@code error}, field errors such as
 * {@code pdf}) stand in the same body, so its clients read the same fields they always did. Errors
 * found in filters reach it too, as {@link ApiException}s handed to Spring MVC's exception resolver
 * (see the auth module's security configuration). No stack trace and no exception message of a
 * library ever reaches the client.
 */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);
  private static final URI ABOUT_BLANK = URI.create("about:blank");

  /** The {@code error} of the problem that says the server's storage is full. */
  static final String STORAGE_FULL = "storage_full";

  /** A problem of that status, with the original API's members beside {@code detail}. */
  static ProblemDetail problem(HttpStatusCode status, String detail, Map<String, Object> members) {
    var problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(ABOUT_BLANK);
    members.forEach(problem::setProperty);
    return problem;
  }

  @ExceptionHandler(ApiException.class)
  ResponseEntity<ProblemDetail> api(ApiException e) {
    var response = ResponseEntity.status(e.status());
    e.headers().forEach((name, value) -> response.header(name, value));
    var problem = problem(e.status(), e.getMessage(), e.members());
    e.title().ifPresent(problem::setTitle);
    return response.body(problem);
  }

  /** A query string or form body with an invalid percent-encoding ({@code ?q=%zz}). */
  @ExceptionHandler(InvalidParameterException.class)
  ResponseEntity<ProblemDetail> badParameters(InvalidParameterException e) {
    var detail = "The query string or form body is not valid: check its percent-encoding.";
    return ResponseEntity.badRequest()
        .body(problem(HttpStatus.BAD_REQUEST, detail, Map.of("error", detail)));
  }

  /**
   * The database gave up on the request for a moment (a deadlock, a lock that waited too long, a
   * serialization failure): nothing was written, and the same request again will most likely go
   * through.
   */
  @ExceptionHandler(org.springframework.dao.TransientDataAccessException.class)
  ResponseEntity<ProblemDetail> transientDatabase(Exception e) {
    if (StorageFull.causes(e)) {
      return storageFull(e);
    }
    log.warn("The database refused a request for now: {}", e.getMessage());
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, "1")
        .body(
            problem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "The server is busy with the same data just now: try again in a moment.",
                Map.of()));
  }

  /**
   * The database cannot be reached (stopped, restarting, the network between): no connection within
   * the pool's timeout, or one that broke mid-request. What the request was to write was not
   * acknowledged; the same request again after the outage goes through.
   */
  @ExceptionHandler({
    org.springframework.dao.DataAccessResourceFailureException.class,
    org.springframework.transaction.CannotCreateTransactionException.class,
    org.springframework.transaction.TransactionSystemException.class
  })
  ResponseEntity<ProblemDetail> databaseAway(Exception e) {
    if (StorageFull.causes(e)) {
      return storageFull(e); // SQLite's commit on a full disk fails as a commit
    }
    log.warn("The database cannot be reached: {}", e.getMessage());
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, "5")
        .body(
            problem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "The server cannot reach its database just now: try again in a moment.",
                Map.of()));
  }

  /**
   * An answer that had begun and cannot be finished (its body's source failed): no problem can be
   * written any more, so the exception goes on to the container, which closes the connection
   * without logging it again. Whoever threw it has logged why.
   */
  @ExceptionHandler(CloseNowException.class)
  void cut(CloseNowException e) throws CloseNowException {
    throw e;
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e) {
    if (StorageFull.causes(e)) {
      return storageFull(e);
    }
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof Unavailable) {
        log.warn("A service the server depends on failed: {}", cause.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
            .header(HttpHeaders.RETRY_AFTER, "5")
            .body(
                problem(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "The server cannot reach its file storage just now: try again in a moment.",
                    Map.of()));
      }
    }
    log.error("Unexpected error", e);
    return ResponseEntity.internalServerError()
        .body(
            problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "The server could not complete the request.",
                Map.of()));
  }

  /**
   * The disk under the stored files or the database is full ({@link StorageFull}): 507, as a quota
   * that is used up, but with {@code "error": "storage_full"} and without {@code quota} and {@code
   * usage}, since it is the server's storage and not the user's share that has no room. What the
   * request wrote was removed or rolled back; reads go on, and the same request goes through once
   * space is freed.
   */
  private static ResponseEntity<ProblemDetail> storageFull(Exception e) {
    log.warn("The server's storage is full: {}", e.getMessage());
    var detail =
        "The server's storage is full: the request was not carried out. Try again once space has"
            + " been freed.";
    return ResponseEntity.status(HttpStatus.INSUFFICIENT_STORAGE)
        .body(problem(HttpStatus.INSUFFICIENT_STORAGE, detail, Map.of("error", STORAGE_FULL)));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    var detail =
        "The request body is not valid: send a JSON object (or a form) with the documented fields.";
    var problem = problem(HttpStatus.BAD_REQUEST, detail, Map.of("error", detail));
    return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
  }

  @Override
  protected ResponseEntity<Object> handleNoResourceFoundException(
      NoResourceFoundException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    var problem = problem(HttpStatus.NOT_FOUND, "Not found.", Map.of());
    return handleExceptionInternal(ex, problem, headers, HttpStatus.NOT_FOUND, request);
  }

  /** The problems Spring MVC makes itself (405, 415 and the like) get the same {@code type}. */
  @Override
  protected ResponseEntity<Object> createResponseEntity(
      @Nullable Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
    if (body instanceof ProblemDetail problem && problem.getType() == null) {
      problem.setType(ABOUT_BLANK);
    }
    return super.createResponseEntity(body, headers, statusCode, request);
  }
}
