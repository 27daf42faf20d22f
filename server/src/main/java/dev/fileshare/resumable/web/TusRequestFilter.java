package dev.fileshare.resumable.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs before security on {@code /api/uploads/}: every answer, refusals included, carries {@code
 * Tus-Resumable}; and a POST with {@code X-HTTP-Method-Override: PATCH} or {@code DELETE} (how
 * clients whose HTTP library has no PATCH send it, the Java tus client among them) is that method.
 */
class TusRequestFilter extends OncePerRequestFilter {

  private static final Set<String> OVERRIDABLE = Set.of("PATCH", "DELETE");

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    response.setHeader("Tus-Resumable", TusHeaders.VERSION);
    var override = request.getHeader("X-HTTP-Method-Override");
    if ("POST".equals(request.getMethod()) && override != null) {
      var method = override.strip().toUpperCase(Locale.ROOT);
      if (OVERRIDABLE.contains(method)) {
        request =
            new HttpServletRequestWrapper(request) {
              @Override
              public String getMethod() {
                return method;
              }
            };
      }
    }
    chain.doFilter(request, response);
  }
}
