package dev.fileshare.requests.web;

import dev.fileshare.requests.Guest;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseCookie;

/**
 * Who uses a request's link, as the request shows: the address (the connection's, or the one a
 * trusted reverse proxy forwards), and the visit, from the {@code Request-Visit} header (API
 * clients) or the page's cookie. The cookie is HttpOnly and SameSite=Strict, and is sent to this
 * request's API only.
 */
final class Guests {

  static final String VISIT_HEADER = "Request-Visit";
  static final String VISIT_COOKIE = "request_visit";

  private Guests() {}

  static Guest of(HttpServletRequest request) {
    var visit = request.getHeader(VISIT_HEADER);
    return new Guest(request.getRemoteAddr(), visit != null ? visit : cookie(request).orElse(null));
  }

  static String cookie(String token, String visit, Duration maxAge, boolean secure) {
    return ResponseCookie.from(VISIT_COOKIE, visit)
        .path("/api/r/" + token)
        .httpOnly(true)
        .secure(secure)
        .sameSite("Strict")
        .maxAge(maxAge)
        .build()
        .toString();
  }

  private static Optional<String> cookie(HttpServletRequest request) {
    @Nullable Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return Optional.empty();
    }
    return Arrays.stream(cookies)
        .filter(c -> c != null && VISIT_COOKIE.equals(c.getName()))
        .map(Cookie::getValue)
        .findFirst();
  }
}
