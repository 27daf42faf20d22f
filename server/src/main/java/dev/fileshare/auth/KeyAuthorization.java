package dev.fileshare.auth;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The one place that says which endpoint an API key may call with which scope. A signed-in caller
 * with a sign-in token may call everything under {@code /api/}; a key only what is written here,
 * with the scope written beside it: an endpoint not written here (keys, signing out, the password,
 * two-factor sign-in, the administrators' endpoints, and any endpoint added later until it is
 * written here) is refused to every key with 403. {@code HEAD} is read as {@code GET}.
 */
final class KeyAuthorization implements AuthorizationManager<RequestAuthorizationContext> {

  /** The authority a request made with an API key holds, beside one per scope of the key. */
  static final String KEY = "API_KEY";

  private record Rule(Set<String> methods, PathPattern path, Scope scope) {}

  private static final PathPatternParser PARSER = new PathPatternParser();

  private static final List<Rule> RULES =
      List.of(
          // files:read
          rule("GET", "/api/files", Scope.FILES_READ),
          rule("GET", "/api/all_files", Scope.FILES_READ),
          rule("GET", "/api/files/{id}", Scope.FILES_READ),
          rule("GET", "/api/download/{id}", Scope.FILES_READ),
          rule("GET", "/api/files/{id}/preview", Scope.FILES_READ),
          rule("GET", "/api/files/{id}/versions", Scope.FILES_READ),
          rule("GET", "/api/files/{id}/versions/{number}/download", Scope.FILES_READ),
          rule("GET", "/api/trash", Scope.FILES_READ),
          rule("GET", "/api/search", Scope.FILES_READ),
          rule("GET", "/api/activity", Scope.FILES_READ),
          // files:write
          rule("POST", "/api/files", Scope.FILES_WRITE),
          rule("PUT PATCH DELETE", "/api/files/{id}", Scope.FILES_WRITE),
          rule("POST", "/api/files/{id}/versions/{number}/restore", Scope.FILES_WRITE),
          rule("DELETE", "/api/files/{id}/versions/{number}", Scope.FILES_WRITE),
          rule("DELETE", "/api/trash", Scope.FILES_WRITE),
          rule("DELETE", "/api/trash/{id}", Scope.FILES_WRITE),
          rule("POST", "/api/trash/{id}/restore", Scope.FILES_WRITE),
          rule("POST", "/api/uploads", Scope.FILES_WRITE),
          rule("GET PATCH DELETE", "/api/uploads/{id}", Scope.FILES_WRITE),
          // shares: with users, links, file requests
          rule("GET POST", "/api/files/{id}/shares", Scope.SHARES),
          rule("PATCH DELETE", "/api/files/{id}/shares/{share}", Scope.SHARES),
          rule("GET", "/api/users", Scope.SHARES),
          rule("GET POST", "/api/files/{id}/links", Scope.SHARES),
          rule("GET", "/api/files/{id}/links/log", Scope.SHARES),
          rule("GET", "/api/links", Scope.SHARES),
          rule("GET", "/api/links/settings", Scope.SHARES),
          rule("GET PATCH DELETE", "/api/links/{id}", Scope.SHARES),
          rule("GET", "/api/links/{id}/log", Scope.SHARES),
          rule("POST", "/api/links/{id}/mail", Scope.SHARES),
          rule("GET POST", "/api/requests", Scope.SHARES),
          rule("GET PATCH DELETE", "/api/requests/{id}", Scope.SHARES),
          rule("GET", "/api/requests/{id}/uploads", Scope.SHARES),
          // account
          rule("GET", "/api/user/me", Scope.ACCOUNT));

  @Override
  public AuthorizationResult authorize(
      Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) {
    var caller = authentication.get();
    if (caller == null
        || caller instanceof AnonymousAuthenticationToken
        || !caller.isAuthenticated()) {
      return new AuthorizationDecision(false); // 401: no credentials
    }
    if (!isKey(caller)) {
      return new AuthorizationDecision(true);
    }
    var request = context.getRequest();
    var method = "HEAD".equals(request.getMethod()) ? "GET" : request.getMethod();
    var scope = scopeFor(method, request.getRequestURI());
    if (scope.isEmpty()) {
      return KeyRefusal.notForKeys();
    }
    return holds(caller, scope.get())
        ? new AuthorizationDecision(true)
        : KeyRefusal.missing(scope.get());
  }

  /** The scope a key needs for the request, or empty when no key may make it. */
  static Optional<Scope> scopeFor(String method, String path) {
    var trimmed =
        path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    var container = org.springframework.http.server.PathContainer.parsePath(trimmed);
    return RULES.stream()
        .filter(rule -> rule.methods().contains(method) && rule.path().matches(container))
        .map(Rule::scope)
        .findFirst();
  }

  static boolean isKey(Authentication caller) {
    return caller.getAuthorities().stream().anyMatch(a -> KEY.equals(a.getAuthority()));
  }

  private static boolean holds(Authentication caller, Scope scope) {
    return caller.getAuthorities().stream()
        .anyMatch(a -> scope.authority().equals(a.getAuthority()));
  }

  private static Rule rule(String methods, String path, Scope scope) {
    return new Rule(Set.of(methods.split(" ")), PARSER.parse(path), scope);
  }
}
