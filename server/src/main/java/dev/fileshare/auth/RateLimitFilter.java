package dev.fileshare.auth;

import dev.fileshare.shared.ApiException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.function.Function;
import org.springframework.dao.DataAccessException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Per client address limits on the endpoints that send mail or check passwords (registration counts
 * its own, in {@link RegistrationThrottle}, once it knows which limit applies). The address is the
 * connection's, or the one a trusted reverse proxy forwards when {@code
 * server.forward-headers-strategy} is set.
 */
class RateLimitFilter extends OncePerRequestFilter {

  private final RateLimiter limits;
  private final ProblemResponses problems;
  private final Map<String, Function<RateLimitSettings, Limit>> byPath =
      Map.of(
          "/api/user/login", RateLimitSettings::loginPerIp,
          "/api/user/login/2fa", RateLimitSettings::loginPerIp,
          "/api/user/login/sso", RateLimitSettings::loginPerIp,
          "/api/user/resend-verification", RateLimitSettings::resendPerIp,
          "/api/user/password-reset", RateLimitSettings::resetPerIp);

  RateLimitFilter(RateLimiter limits, ProblemResponses problems) {
    this.limits = limits;
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if ("POST".equals(request.getMethod())) {
      var path = request.getRequestURI();
      if (path.length() > 1 && path.endsWith("/")) {
        path = path.substring(0, path.length() - 1);
      }
      var limit = byPath.get(path);
      if (limit != null) {
        try {
          limits.take(path + "@" + request.getRemoteAddr(), limit.apply(limits.settings()));
        } catch (ApiException | DataAccessException e) {
          problems.send(request, response, e);
          return;
        }
      }
    }
    chain.doFilter(request, response);
  }
}
