package dev.fileshare.auth;

import dev.fileshare.shared.Secrets;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.security.oauth2.client.web.AuthorizationRequestRepository;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps a sign-in that went to an identity provider in the database rather than in an HTTP session,
 * so any node can finish it: found by its state, and bound to the browser that started it by a
 * short-lived cookie (HttpOnly, SameSite=Lax, Secure on an https public URL) whose SHA-256 the row
 * holds. A callback without that cookie, after ten minutes, or a second time finds nothing.
 */
final class SsoRequestStore implements AuthorizationRequestRepository<OAuth2AuthorizationRequest> {

  static final String COOKIE = "fileshare_sso";
  static final String COOKIE_PATH = "/login/oauth2/code/";
  private static final int BROWSER_BYTES = 20;
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private final SsoRequestRows rows;
  private final Duration ttl;
  private final boolean secure;
  private final Clock clock;

  SsoRequestStore(SsoRequestRows rows, Duration ttl, boolean secure, Clock clock) {
    this.rows = rows;
    this.ttl = ttl;
    this.secure = secure;
    this.clock = clock;
  }

  @Override
  public @Nullable OAuth2AuthorizationRequest loadAuthorizationRequest(HttpServletRequest request) {
    return key(request)
        .flatMap(key -> rows.find(key.state(), key.browser(), clock.millis()))
        .map(SsoRequestStore::read)
        .orElse(null);
  }

  @Override
  public void saveAuthorizationRequest(
      @Nullable OAuth2AuthorizationRequest authorization,
      HttpServletRequest request,
      HttpServletResponse response) {
    if (authorization == null) {
      cookie(response, "", Duration.ZERO);
      return;
    }
    var browser = Secrets.generate(BROWSER_BYTES);
    rows.insert(
        Secrets.hash(authorization.getState()),
        Secrets.hash(browser),
        write(authorization),
        clock.millis() + ttl.toMillis());
    cookie(response, browser, ttl);
  }

  @Override
  public @Nullable OAuth2AuthorizationRequest removeAuthorizationRequest(
      HttpServletRequest request, HttpServletResponse response) {
    var found = key(request).flatMap(key -> rows.take(key.state(), key.browser(), clock.millis()));
    if (found.isPresent()) {
      cookie(response, "", Duration.ZERO);
    }
    return found.map(SsoRequestStore::read).orElse(null);
  }

  private record Key(String state, String browser) {}

  private static Optional<Key> key(HttpServletRequest request) {
    var state = request.getParameter(OAuth2ParameterNames.STATE);
    var cookies = request.getCookies();
    if (state == null || state.isEmpty() || cookies == null) {
      return Optional.empty();
    }
    for (var cookie : cookies) {
      if (COOKIE.equals(cookie.getName()) && Secrets.looksLike(cookie.getValue(), BROWSER_BYTES)) {
        return Optional.of(new Key(Secrets.hash(state), Secrets.hash(cookie.getValue())));
      }
    }
    return Optional.empty();
  }

  private void cookie(HttpServletResponse response, String value, Duration maxAge) {
    var cookie =
        ResponseCookie.from(COOKIE, value)
            .path(COOKIE_PATH)
            .httpOnly(true)
            .secure(secure)
            .sameSite("Lax")
            .maxAge(maxAge)
            .build();
    response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
  }

  static String write(OAuth2AuthorizationRequest request) {
    var json = new LinkedHashMap<String, Object>();
    json.put("authorization_uri", request.getAuthorizationUri());
    json.put("client_id", request.getClientId());
    json.put("redirect_uri", request.getRedirectUri());
    json.put("scopes", List.copyOf(new TreeSet<>(request.getScopes())));
    json.put("state", request.getState());
    json.put("additional_parameters", strings(request.getAdditionalParameters()));
    json.put("attributes", strings(request.getAttributes()));
    json.put("authorization_request_uri", request.getAuthorizationRequestUri());
    return JSON.writeValueAsString(json);
  }

  @SuppressWarnings("unchecked")
  static OAuth2AuthorizationRequest read(String text) {
    var json = JSON.readValue(text, MAP);
    return OAuth2AuthorizationRequest.authorizationCode()
        .authorizationUri((String) json.get("authorization_uri"))
        .clientId((String) json.get("client_id"))
        .redirectUri((String) json.get("redirect_uri"))
        .scopes(new TreeSet<>((List<String>) json.get("scopes")))
        .state((String) json.get("state"))
        .additionalParameters((Map<String, Object>) json.get("additional_parameters"))
        .attributes((Map<String, Object>) json.get("attributes"))
        .authorizationRequestUri((String) json.get("authorization_request_uri"))
        .build();
  }

  private static Map<String, String> strings(Map<String, Object> values) {
    var strings = new LinkedHashMap<String, String>();
    values.forEach((name, value) -> strings.put(name, String.valueOf(value)));
    return strings;
  }
}
