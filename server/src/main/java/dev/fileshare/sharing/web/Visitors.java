package dev.fileshare.sharing.web;

import dev.fileshare.shared.ApiException;
import dev.fileshare.sharing.PublicLink;
import dev.fileshare.sharing.Visitor;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;

/**
 * Who opens a link, as the request shows: the address (the connection's, or the one a trusted
 * reverse proxy forwards when {@code server.forward-headers-strategy} is set), the browser, and the
 * access a correct password gave (a header for API clients, a cookie for the page).
 */
final class Visitors {

  static final String ACCESS_HEADER = "Link-Access";
  static final String ACCESS_COOKIE = "link_access";

  private Visitors() {}

  static Visitor fromApi(HttpServletRequest request) {
    return new Visitor(
        request.getRemoteAddr(), request.getHeader("User-Agent"), request.getHeader(ACCESS_HEADER));
  }

  static Visitor fromPage(HttpServletRequest request) {
    return new Visitor(
        request.getRemoteAddr(), request.getHeader("User-Agent"), cookie(request).orElse(null));
  }

  /**
   * Back to the link's page after a password or a code was accepted, with the access in a cookie
   * for this link's pages only.
   */
  static ResponseEntity<String> backToPage(
      String token, PublicLink.Unlock unlock, HttpServletRequest request, Clock clock) {
    var cookie =
        ResponseCookie.from(ACCESS_COOKIE, unlock.access())
            .path("/s/" + token)
            .httpOnly(true)
            .secure(request.isSecure())
            .sameSite("Lax")
            .maxAge(Duration.between(clock.instant(), unlock.expires()))
            .build();
    return ResponseEntity.status(HttpStatus.SEE_OTHER)
        .header(HttpHeaders.LOCATION, "/s/" + token)
        .header(HttpHeaders.SET_COOKIE, cookie.toString())
        .header("Cache-Control", "no-store")
        .build();
  }

  /** The page, with the problem's Retry-After when it has one. */
  static ResponseEntity<String> retryAfter(ResponseEntity<String> page, ApiException e) {
    var retry = e.headers().get("Retry-After");
    return retry == null
        ? page
        : ResponseEntity.status(page.getStatusCode())
            .headers(page.getHeaders())
            .header("Retry-After", retry)
            .body(page.getBody());
  }

  private static Optional<String> cookie(HttpServletRequest request) {
    @Nullable Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return Optional.empty();
    }
    return Arrays.stream(cookies)
        .filter(c -> c != null && ACCESS_COOKIE.equals(c.getName()))
        .map(Cookie::getValue)
        .findFirst();
  }
}
