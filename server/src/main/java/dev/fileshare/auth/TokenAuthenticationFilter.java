package dev.fileshare.auth;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads {@code Authorization: Token <key>} (or {@code Bearer <key>}) as DRF's TokenAuthentication
 * did: no header means anonymous; a header with a bad key is refused at once with 401, whatever the
 * endpoint. Other schemes are ignored. A key that starts with {@code fsk_} is an API key, any other
 * a sign-in token.
 */
class TokenAuthenticationFilter extends OncePerRequestFilter {

  private final TokenService tokens;
  private final ApiKeyService keys;
  private final ProblemResponses problems;

  TokenAuthenticationFilter(TokenService tokens, ApiKeyService keys, ProblemResponses problems) {
    this.tokens = tokens;
    this.keys = keys;
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
    Optional<UsernamePasswordAuthenticationToken> user;
    try {
      user = authenticate(parts[1]);
    } catch (DataAccessException e) {
      problems.send(request, response, e); // the database is away: 503, as everywhere else
      return;
    }
    if (user.isEmpty()) {
      problems.unauthorized(request, response, "Invalid token.");
      return;
    }
    var context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(user.get());
    SecurityContextHolder.setContext(context);
    chain.doFilter(request, response);
  }

  /**
   * A sign-in token's caller holds no authorities and may do everything; an API key's holds {@link
   * KeyAuthorization#KEY} and one authority per scope of the key.
   */
  private Optional<UsernamePasswordAuthenticationToken> authenticate(String credential) {
    if (ApiKeyService.looksLikeKey(credential)) {
      return keys.authenticate(credential)
          .map(
              caller -> {
                var authorities = new ArrayList<GrantedAuthority>();
                authorities.add(new SimpleGrantedAuthority(KeyAuthorization.KEY));
                caller
                    .scopes()
                    .forEach(s -> authorities.add(new SimpleGrantedAuthority(s.authority())));
                return UsernamePasswordAuthenticationToken.authenticated(
                    caller.user(), null, authorities);
              });
    }
    return tokens
        .authenticate(credential)
        .map(user -> UsernamePasswordAuthenticationToken.authenticated(user, null, List.of()));
  }
}
