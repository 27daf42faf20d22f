package dev.fileshare.auth;

import dev.fileshare.accounts.AccountAdministration;
import dev.fileshare.platform.FileShareSettings;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderNotFoundException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Token clients only: no sessions, no cookies, so no CSRF token is ever needed. Everything under
 * {@code /api/} needs a token except signing up, signing in, the links from mails and share links
 * ({@code /api/s/}) and file requests ({@code /api/r/}); {@code /api/admin/} is for administrators.
 * An API key reaches only what its scopes open ({@link KeyAuthorization}). Commands that run
 * without a web server (such as {@code migrate-storage}) have no filter chain. With an identity
 * provider configured, {@link SsoLogin} adds sign-in with OpenID Connect, still without a session.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityConfiguration {

  @Bean
  SecurityFilterChain api(
      HttpSecurity http,
      TokenService tokens,
      ApiKeyService keys,
      RateLimiter limits,
      AccountAdministration administration,
      ObjectProvider<ClientRegistrationRepository> registrations,
      SingleSignOn sso,
      SsoRequestRows ssoRequests,
      SsoSettings ssoSettings,
      FileShareSettings platform,
      Clock clock,
      @Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver)
      throws Exception {
    var problems = new ProblemResponses(resolver);
    http.csrf(csrf -> csrf.disable())
        .cors(cors -> cors.disable())
        .httpBasic(basic -> basic.disable())
        .formLogin(form -> form.disable())
        .logout(logout -> logout.disable())
        .requestCache(cache -> cache.disable())
        .sessionManagement(
            session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .addFilterBefore(new RateLimitFilter(limits, problems), AnonymousAuthenticationFilter.class)
        .addFilterBefore(
            new TokenAuthenticationFilter(tokens, keys, problems),
            AnonymousAuthenticationFilter.class)
        .exceptionHandling(
            errors ->
                errors
                    .authenticationEntryPoint(
                        (request, response, e) ->
                            problems.unauthorized(
                                request, response, "Authentication credentials were not provided."))
                    .accessDeniedHandler(
                        (request, response, e) -> {
                          if (e instanceof AuthorizationDeniedException denied
                              && denied.getAuthorizationResult() instanceof KeyRefusal refusal) {
                            problems.refused(request, response, refusal);
                          } else {
                            problems.forbidden(request, response);
                          }
                        }))
        .authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers(
                        HttpMethod.POST,
                        "/api/user/register",
                        "/api/user/login",
                        "/api/user/login/2fa",
                        "/api/user/login/2fa/setup",
                        "/api/user/login/2fa/confirm",
                        "/api/user/login/sso",
                        "/api/verify-email/*",
                        "/api/user/resend-verification",
                        "/api/user/password-reset",
                        "/api/user/password-reset/confirm")
                    .permitAll()
                    .requestMatchers(HttpMethod.GET, "/api/auth/providers")
                    .permitAll()
                    .requestMatchers(
                        "/api/schema",
                        "/api/schema/**",
                        "/api/docs",
                        "/api/docs/**",
                        "/api/swagger-ui/**")
                    .permitAll()
                    // links open for people without an account; each link guards itself
                    .requestMatchers("/api/s/**")
                    .permitAll()
                    // file requests take uploads from people without an account; each guards itself
                    .requestMatchers("/api/r/**")
                    .permitAll()
                    // tus clients ask what the server speaks before they sign anything
                    .requestMatchers(HttpMethod.OPTIONS, "/api/uploads", "/api/uploads/*")
                    .permitAll()
                    .requestMatchers("/api/admin", "/api/admin/**")
                    .access(new AdminAuthorization(administration))
                    .requestMatchers("/api/**")
                    .access(new KeyAuthorization())
                    .requestMatchers(
                        "/actuator/health", "/actuator/health/**", "/actuator/prometheus")
                    .permitAll()
                    .requestMatchers("/actuator/**")
                    .denyAll()
                    .anyRequest()
                    .permitAll());
    var identityProviders = registrations.getIfAvailable();
    if (identityProviders != null) {
      SsoLogin.configure(http, identityProviders, sso, ssoRequests, ssoSettings, platform, clock);
    }
    return http.build();
  }

  /**
   * Spring Security would observe each of its filters, and every authentication and authorization,
   * on every request: a tenth of a list's CPU (docs/performance.md). The HTTP request metrics stay.
   */
  @Bean
  SecurityObservationSettings noSecurityObservations() {
    return SecurityObservationSettings.noObservations();
  }

  /** Nothing signs in with a password through Spring Security; tokens come from the login API. */
  @Bean
  AuthenticationManager noPasswordAuthentication() {
    return authentication -> {
      throw new ProviderNotFoundException("Sign in through POST /api/user/login/");
    };
  }
}
