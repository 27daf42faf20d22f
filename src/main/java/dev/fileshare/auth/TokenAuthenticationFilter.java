package dev.fileshare.auth;

import dev.fileshare.shared.AuthenticatedUser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads {@code Authorization: Token <key>} (or {@code Bearer <key>}) as DRF's TokenAuthentication
 * did: no header means anonymous; a header with a bad key is refused at once with 401, whatever the
 * endpoint. Other schemes are ignored.
 */
class TokenAuthenticationFilter extends OncePerRequestFilter {

  private final TokenService tokens;
  private final ProblemResponses problems;

  TokenAuthenticationFilter(TokenService tokens, ProblemResponses problems) {
    this.tokens = tokens;
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    var header = request.getHeader("Authorization");
    if (header == null || header.isBlank()) {
      chain.doFilter(request, response);
      return;
    }
    var parts = header.strip().split("\\s+");
    var scheme = parts[0];
    if (!scheme.equalsIgnoreCase("Token") && !scheme.equalsIgnoreCase("Bearer")) {
      chain.doFilter(request, response);
      return;
    }
    if (parts.length == 1) {
      problems.unauthorized(request, response, "Invalid token header. No credentials provided.");
      return;
    }
    if (parts.length > 2) {
      problems.unauthorized(
          request, response, "Invalid token header. Token string should not contain spaces.");
      return;
    }
    Optional<AuthenticatedUser> user;
    try {
      user = tokens.authenticate(parts[1]);
    } catch (DataAccessException e) {
      problems.send(request, response, e); // the database is away: 503, as everywhere else
      return;
    }
    if (user.isEmpty()) {
      problems.unauthorized(request, response, "Invalid token.");
      return;
    }
    var context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(user.get(), null, List.of()));
    SecurityContextHolder.setContext(context);
    chain.doFilter(request, response);
  }
}
