package dev.fileshare.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A strict Content-Security-Policy for the browser UI: its page, scripts, styles and images come
 * from this server only, nothing inline runs, and no other site may frame it. Workers (the download
 * worker, and PDF.js's in the document viewer) come from this server too; nothing is ever evaluated
 * from a string, so a PDF's own scripts have nothing to run in. The JSON API and the actuator keep
 * their own headers. A page that sets a policy of its own keeps that policy.
 */
@Component
class ContentSecurityPolicyFilter extends OncePerRequestFilter {

  static final String POLICY =
      "default-src 'self'; script-src 'self'; worker-src 'self'; style-src 'self';"
          + " img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none';"
          + " form-action 'self'";

  private static final String CSP = "Content-Security-Policy";
  private static final String REFERRER = "Referrer-Policy";
  private static final Set<String> OWN =
      Set.of(CSP.toLowerCase(Locale.ROOT), REFERRER.toLowerCase(Locale.ROOT));

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    var path = request.getRequestURI().substring(request.getContextPath().length());
    return isUnder(path, "/api") || isUnder(path, "/actuator");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    response.setHeader(CSP, POLICY);
    response.setHeader(REFERRER, "no-referrer");
    chain.doFilter(request, new OwnPolicyWins(response));
  }

  private static boolean isUnder(String path, String prefix) {
    return path.equals(prefix) || path.startsWith(prefix + "/");
  }

  /** Lets a handler that sets its own policy replace ours instead of adding a second one. */
  private static final class OwnPolicyWins extends HttpServletResponseWrapper {

    OwnPolicyWins(HttpServletResponse response) {
      super(response);
    }

    @Override
    public void addHeader(String name, String value) {
      if (OWN.contains(name.toLowerCase(Locale.ROOT))) {
        super.setHeader(name, value);
      } else {
        super.addHeader(name, value);
      }
    }
  }
}
