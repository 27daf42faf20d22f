package dev.fileshare.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.shared.AuthenticatedUser;
import dev.fileshare.shared.UserId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/** The map of endpoints to scopes, and what it decides for tokens, keys and nobody. */
class KeyAuthorizationTests {

  private final KeyAuthorization authorization = new KeyAuthorization();

  @Test
  void eachEndpointNeedsItsScope() {
    assertThat(KeyAuthorization.scopeFor("GET", "/api/files/7/")).contains(Scope.FILES_READ);
    assertThat(KeyAuthorization.scopeFor("GET", "/api/files")).contains(Scope.FILES_READ);
    assertThat(KeyAuthorization.scopeFor("PATCH", "/api/files/7")).contains(Scope.FILES_WRITE);
    assertThat(KeyAuthorization.scopeFor("PATCH", "/api/uploads/ab12")).contains(Scope.FILES_WRITE);
    assertThat(KeyAuthorization.scopeFor("DELETE", "/api/files/7/shares/mine"))
        .contains(Scope.SHARES);
    assertThat(KeyAuthorization.scopeFor("GET", "/api/links/settings")).contains(Scope.SHARES);
    assertThat(KeyAuthorization.scopeFor("GET", "/api/user/me/")).contains(Scope.ACCOUNT);
  }

  @Test
  void whatNoKeyMayCallHasNoScope() {
    for (var request :
        List.of(
            "GET /api/keys",
            "POST /api/keys",
            "DELETE /api/keys/3",
            "POST /api/user/logout",
            "POST /api/user/logout-all",
            "POST /api/user/password",
            "GET /api/admin/totals",
            "POST /api/user/me",
            "GET /api/files/7/unknown",
            "OPTIONS /api/files")) {
      var parts = request.split(" ");
      assertThat(KeyAuthorization.scopeFor(parts[0], parts[1])).as(request).isEmpty();
    }
  }

  @Test
  void aTokenMayDoEverythingAKeyWhatItsScopesOpenAndNobodyNothing() {
    var token =
        UsernamePasswordAuthenticationToken.authenticated(
            user(), null, AuthorityUtils.NO_AUTHORITIES);
    var reader = key(Scope.FILES_READ);
    var nobody =
        new AnonymousAuthenticationToken(
            "key", "anonymous", AuthorityUtils.createAuthorityList("A"));

    assertThat(decide(token, "DELETE", "/api/keys/3")).isTrue();
    assertThat(decide(reader, "HEAD", "/api/download/1")).isTrue();
    assertThat(decide(nobody, "GET", "/api/files")).isFalse();
    var refused = authorization.authorize(() -> reader, context("POST", "/api/files"));
    assertThat(refused)
        .isInstanceOfSatisfying(
            KeyRefusal.class, r -> assertThat(r.scope()).isEqualTo(Optional.of(Scope.FILES_WRITE)));
    var never = authorization.authorize(() -> reader, context("POST", "/api/keys"));
    assertThat(never)
        .isInstanceOfSatisfying(KeyRefusal.class, r -> assertThat(r.scope()).isEmpty());
  }

  private boolean decide(Authentication caller, String method, String path) {
    return authorization.authorize(() -> caller, context(method, path)).isGranted();
  }

  private static Authentication key(Scope scope) {
    return UsernamePasswordAuthenticationToken.authenticated(
        user(),
        null,
        List.of(
            new SimpleGrantedAuthority(KeyAuthorization.KEY),
            new SimpleGrantedAuthority(scope.authority())));
  }

  private static AuthenticatedUser user() {
    return new AuthenticatedUser(new UserId(1), 0);
  }

  private static RequestAuthorizationContext context(String method, String path) {
    return new RequestAuthorizationContext(new MockHttpServletRequest(method, path));
  }
}
