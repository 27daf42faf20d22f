package dev.fileshare.platform;

import java.time.Clock;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.UrlHandlerFilter;

@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

  /** The one clock every expiry is measured by; tests replace it to travel in time. */
  @Bean
  Clock clock() {
    return Clock.systemUTC();
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
