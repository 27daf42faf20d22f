package dev.fileshare.platform;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors raised outside Spring MVC (by the servlet container, or an exception a filter let through)
 * end up here and get the same problem body as every other error, instead of an HTML page or a
 * stack trace.
 */
@Hidden
@RestController
class ErrorPageController implements ErrorController {

  @RequestMapping(value = "/error", produces = MediaType.APPLICATION_PROBLEM_JSON_VALUE)
  @Nullable ResponseEntity<ProblemDetail> error(
      HttpServletRequest request, HttpServletResponse response) {
    if (response.isCommitted()) {
      // the container includes the error page in an answer that had begun (a download whose
      // source failed): nothing can be added to it, and the container closes the connection
      return null;
    }
    var code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    var status = HttpStatus.resolve(code instanceof Integer i ? i : 500);
    if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION)
        instanceof InvalidParameterException) {
      status = HttpStatus.BAD_REQUEST; // a filter read a query with an invalid percent-encoding
    }
    if (status == null || !status.isError()) {
      status = HttpStatus.INTERNAL_SERVER_ERROR;
    }
    var detail =
        switch (status) {
          case NOT_FOUND -> "Not found.";
          case BAD_REQUEST -> "The request is malformed.";
          case PAYLOAD_TOO_LARGE -> "The request is too large.";
          default ->
              status.is5xxServerError()
                  ? "The server could not complete the request."
                  : status.getReasonPhrase() + ".";
        };
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(ProblemAdvice.problem(status, detail, Map.of()));
  }
}
