package dev.fileshare.platform;

import jakarta.servlet.Filter;
import java.time.Clock;
import org.apache.catalina.core.StandardHost;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.UrlHandlerFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.module.SimpleModule;

@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

  static final int RESPONSE_BUFFER_BYTES = 32 * 1024;

  /** The one clock every expiry is measured by; tests replace it to travel in time. */
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  /** How long a request waits for a database connection: see {@link ConnectionWait}. */
  @Bean
  static ConnectionWait connectionWait(org.springframework.core.env.Environment environment) {
    return new ConnectionWait(environment);
  }

  /** Names of request parameters are not evaluated as SpEL: see {@link LiteralExpressions}. */
  @Bean
  static LiteralExpressions literalExpressions() {
    return new LiteralExpressions();
  }

  /** SQLite statements are prepared once per connection: see {@link SqliteStatementCache}. */
  @Bean
  static SqliteStatementCache sqliteStatementCache() {
    return new SqliteStatementCache();
  }

  /** JSON strings with a NUL character make a body unreadable: see {@link NulCharacters}. */
  @Bean
  JacksonModule nulFreeStrings() {
    return new SimpleModule("nul-free-strings")
        .addDeserializer(String.class, new NulCharacters.JsonStrings());
  }

  /** Query strings and form bodies with a NUL character are refused: see {@link NulCharacters}. */
  @Bean
  @ConditionalOnWebApplication
  FilterRegistrationBean<NulCharacters.RequestFilter> nulFreeParameters(
      @Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver) {
    var registration = new FilterRegistrationBean<>(new NulCharacters.RequestFilter(resolver));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return registration;
  }

  /**
   * Requests that Tomcat refuses before any servlet sees them get a problem, not Tomcat's HTML page
   * (see {@link ProblemReportValve}). The host adds its error valve when it starts, after this.
   */
  @Bean
  TomcatContextCustomizer problemReports() {
    return context -> {
      if (context.getParent() instanceof StandardHost host) {
        host.setErrorReportValveClass(ProblemReportValve.class.getName());
      }
    };
  }

  /**
   * Lets an answer of up to 32 KiB (a list of 50 files is about 20) leave in one write with a
   * Content-Length, instead of Tomcat's 8 KiB: three chunked writes, each a system call and a
   * wake-up of the client, were a tenth of a list's time. The buffer is per request being served.
   */
  @Bean
  FilterRegistrationBean<Filter> responseBuffer() {
    Filter filter =
        (request, response, chain) -> {
          response.setBufferSize(RESPONSE_BUFFER_BYTES);
          chain.doFilter(request, response);
        };
    var registration = new FilterRegistrationBean<>(filter);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  /**
   * The original API's paths end in a slash and its clients call them that way; new clients often
   * leave it off. Both reach the same handler, before security sees the path.
   */
  @Bean
  FilterRegistrationBean<UrlHandlerFilter> trailingSlashFilter() {
    var filter = UrlHandlerFilter.trailingSlashHandler("/api/**").wrapRequest().build();
    var registration = new FilterRegistrationBean<>(filter);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }
}
