package dev.fileshare.auth;

import dev.fileshare.shared.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Answers errors found in filters, where Spring MVC's error handling does not reach, by handing
 * them ({@link ApiException}s, or the database's failures) to MVC's exception resolver: the same
 * advice writes them as every other error of the API, so the bodies cannot drift apart.
 */
final class ProblemResponses {

  private final HandlerExceptionResolver resolver;

  ProblemResponses(HandlerExceptionResolver resolver) {
    this.resolver = resolver;
  }

  void send(HttpServletRequest request, HttpServletResponse response, RuntimeException problem) {
    if (resolver.resolveException(request, response, null, problem) == null) {
      throw problem; // not expected: the container's error page answers with a problem instead
    }
  }

  /** DRF's 401: {@code WWW-Authenticate: Token} and {@code {"detail": ...}}. */
  void unauthorized(HttpServletRequest request, HttpServletResponse response, String detail) {
    send(
        request,
        response,
        new ApiException(HttpStatus.UNAUTHORIZED, detail).withHeader("WWW-Authenticate", "Token"));
  }

  /** DRF's 403 for a signed-in caller who may not do this. */
  void forbidden(HttpServletRequest request, HttpServletResponse response) {
    send(
        request,
        response,
        new ApiException(
            HttpStatus.FORBIDDEN, "You do not have permission to perform this action."));
  }

  /** 403 for an API key that may not make the request, naming the scope it lacks, if any. */
  void refused(HttpServletRequest request, HttpServletResponse response, KeyRefusal refusal) {
    var members =
        refusal
            .scope()
            .<Map<String, Object>>map(scope -> Map.of("required_scope", scope.wire()))
            .orElse(Map.of());
    send(
        request,
        response,
        new ApiException(HttpStatus.FORBIDDEN, refusal.detail(), members, Map.of()));
  }
}
