package dev.fileshare.resumable.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
class TusWebConfiguration {

  /** After the trailing-slash filter (so both spellings match), before security. */
  @Bean
  FilterRegistrationBean<TusRequestFilter> tusRequestFilter() {
    var registration = new FilterRegistrationBean<>(new TusRequestFilter());
    registration.addUrlPatterns("/api/uploads/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return registration;
  }
}
