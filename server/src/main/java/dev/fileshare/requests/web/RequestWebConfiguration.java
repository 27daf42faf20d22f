package dev.fileshare.requests.web;

import dev.fileshare.resumable.web.TusEndpoint;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

@Configuration(proxyBeanMethods = false)
class RequestWebConfiguration {

  /** tus's own filter for a request's uploads: after the trailing-slash filter, before security. */
  @Bean
  FilterRegistrationBean<OncePerRequestFilter> requestTusFilter() {
    var registration = new FilterRegistrationBean<>(TusEndpoint.requestFilter());
    registration.addUrlPatterns("/api/r/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return registration;
  }
}
