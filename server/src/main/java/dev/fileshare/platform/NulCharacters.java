package dev.fileshare.platform;

import dev.fileshare.shared.ApiException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;

/**
 * The NUL character has no place in any text this server keeps or looks up, and PostgreSQL refuses
 * it in text where SQLite takes it: so it is refused at the edge, with a 400, in JSON strings,
 * query strings and form bodies alike, and never reaches a query.
 */
final class NulCharacters {

  static final String DETAIL = "The request contains a NUL character, which no field may hold.";

  private NulCharacters() {}

  /** JSON strings: a {@code \u0000} escape makes the body unreadable (400). */
  static final class JsonStrings extends StringDeserializer {

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) {
      var text = super.deserialize(parser, context);
      if (text != null && text.indexOf('\0') >= 0) {
        return context.reportInputMismatch(this, DETAIL);
      }
      return text;
    }
  }

  /** Query strings and form bodies: {@code %00} anywhere is a 400 problem before any handler. */
  static final class RequestFilter extends OncePerRequestFilter {

    private final HandlerExceptionResolver resolver;

    RequestFilter(HandlerExceptionResolver resolver) {
      this.resolver = resolver;
    }

    @Override
    protected void doFilterInternal(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      if (!hasNul(request)) {
        chain.doFilter(request, response);
        return;
      }
      var problem = ApiException.error(HttpStatus.BAD_REQUEST, DETAIL);
      if (resolver.resolveException(request, response, null, problem) == null) {
        throw problem; // not expected: the container's error page answers with a problem instead
      }
    }

    private static boolean hasNul(HttpServletRequest request) {
      var query = request.getQueryString();
      if (query != null && query.toLowerCase(Locale.ROOT).contains("%00")) {
        return true;
      }
      var type = request.getContentType();
      if (type == null || !type.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE)) {
        return false;
      }
      for (var values : request.getParameterMap().values()) {
        for (var value : values) {
          if (value.indexOf('\0') >= 0) {
            return true;
          }
        }
      }
      return false;
    }
  }
}
