package dev.fileshare.sharing.web;

import dev.fileshare.sharing.Visitor;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

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
