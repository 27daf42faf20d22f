package dev.fileshare.auth;

import dev.fileshare.platform.FileShareSettings;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Sign-in with OpenID Connect through Spring Security's OAuth2 login, without a session: the
 * pending request in {@link SsoRequestStore}, the redirect URI built from the public URL, no
 * authorized client kept (the provider's tokens are not used after sign-in), and both outcomes sent
 * back to the web page: a one-time code ({@code /#sso=}) or a refusal ({@code /#sso_error=}).
 */
final class SsoLogin {

  static final String AUTHORIZATION = "/oauth2/authorization";
  static final String CALLBACK = "/login/oauth2/code/";

  private static final Logger log = LoggerFactory.getLogger(SsoLogin.class);

  private final SingleSignOn sso;
  private final SsoSettings settings;
  private final FileShareSettings platform;

  private SsoLogin(SingleSignOn sso, SsoSettings settings, FileShareSettings platform) {
    this.sso = sso;
    this.settings = settings;
    this.platform = platform;
  }

  static void configure(
      HttpSecurity http,
      ClientRegistrationRepository registrations,
      SingleSignOn sso,
      SsoRequestRows requests,
      SsoSettings settings,
      FileShareSettings platform,
      Clock clock)
      throws Exception {
    var login = new SsoLogin(sso, settings, platform);
    var secure = "https".equalsIgnoreCase(platform.publicUrl().getScheme());
    var store = new SsoRequestStore(requests, settings.requestTtl(), secure, clock);
    http.oauth2Login(
        oauth ->
            oauth
                .loginPage("/")
                .authorizationEndpoint(
                    endpoint ->
                        endpoint
                            .baseUri(AUTHORIZATION)
                            .authorizationRequestRepository(store)
                            .authorizationRequestResolver(login.resolver(registrations)))
                .redirectionEndpoint(endpoint -> endpoint.baseUri(CALLBACK + "*"))
                .authorizedClientRepository(new NoAuthorizedClients())
                .successHandler(
                    (request, response, authentication) ->
                        login.succeeded(response, (OAuth2AuthenticationToken) authentication))
                .failureHandler(login::failed));
  }

  /**
   * Spring's resolver with PKCE and the public URL's redirect URI; an unknown provider resolves to
   * nothing, so its address is a plain 404 rather than an error.
   */
  private OAuth2AuthorizationRequestResolver resolver(ClientRegistrationRepository registrations) {
    var resolver = new DefaultOAuth2AuthorizationRequestResolver(registrations, AUTHORIZATION);
    resolver.setAuthorizationRequestCustomizer(
        OAuth2AuthorizationRequestCustomizers.withPkce()
            .andThen(
                builder ->
                    builder.attributes(
                        attributes ->
                            builder.redirectUri(
                                platform.link(
                                    CALLBACK
                                        + attributes.get(OAuth2ParameterNames.REGISTRATION_ID))))));
    return new OAuth2AuthorizationRequestResolver() {
      @Override
      public @Nullable OAuth2AuthorizationRequest resolve(HttpServletRequest request) {
        try {
          return resolver.resolve(request);
        } catch (IllegalArgumentException unknown) {
          return null;
        }
      }

      @Override
      public @Nullable OAuth2AuthorizationRequest resolve(
          HttpServletRequest request, String registrationId) {
        try {
          return resolver.resolve(request, registrationId);
        } catch (IllegalArgumentException unknown) {
          return null;
        }
      }
    };
  }

  private void succeeded(HttpServletResponse response, OAuth2AuthenticationToken authentication)
      throws IOException {
    var registrationId = authentication.getAuthorizedClientRegistrationId();
    String target;
    try {
      var code = sso.signIn(person(registrationId, (OidcUser) authentication.getPrincipal()));
      target = "/#sso=" + code;
    } catch (SsoRefusal.Refused refused) {
      target = "/#sso_error=" + refused.reason().code();
    } catch (RuntimeException e) {
      log.warn("Single sign-on through {} failed", registrationId, e);
      sso.failed(registrationId, SsoRefusal.FAILED, e.getClass().getSimpleName());
      target = "/#sso_error=" + SsoRefusal.FAILED.code();
    }
    response.sendRedirect(platform.link(target));
  }

  private void failed(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    var path = request.getRequestURI();
    var registrationId = path.substring(path.lastIndexOf('/') + 1);
    var reason = SsoRefusal.FAILED;
    var detail = e.getClass().getSimpleName();
    if (e instanceof OAuth2AuthenticationException oauth) {
      detail = oauth.getError().getErrorCode();
      reason =
          switch (detail) {
            case "authorization_request_not_found", "invalid_state_parameter" -> SsoRefusal.EXPIRED;
            default -> SsoRefusal.PROVIDER;
          };
    }
    log.info("Single sign-on through {} failed: {}", registrationId, e.getMessage());
    sso.failed(registrationId, reason, detail);
    response.sendRedirect(platform.link("/#sso_error=" + reason.code()));
  }

  private SsoPerson person(String registrationId, OidcUser user) {
    return new SsoPerson(
        registrationId,
        String.valueOf(user.getIssuer()),
        user.getSubject(),
        Optional.ofNullable(user.getEmail()),
        Boolean.TRUE.equals(user.getEmailVerified()),
        Optional.ofNullable(user.getPreferredUsername()),
        groups(user.getClaims().get(settings.groupsClaim())));
  }

  private static List<String> groups(@Nullable Object claim) {
    if (claim instanceof Collection<?> values) {
      return values.stream().map(String::valueOf).toList();
    }
    return claim == null ? List.of() : List.of(String.valueOf(claim));
  }

  /** The provider's tokens are not used after sign-in, so none is kept (and no session is made). */
  private static final class NoAuthorizedClients implements OAuth2AuthorizedClientRepository {

    @Override
    public <T extends OAuth2AuthorizedClient> @Nullable T loadAuthorizedClient(
        String registrationId,
        org.springframework.security.core.Authentication principal,
        HttpServletRequest request) {
      return null;
    }

    @Override
    public void saveAuthorizedClient(
        OAuth2AuthorizedClient client,
        org.springframework.security.core.Authentication principal,
        HttpServletRequest request,
        HttpServletResponse response) {}

    @Override
    public void removeAuthorizedClient(
        String registrationId,
        org.springframework.security.core.Authentication principal,
        HttpServletRequest request,
        HttpServletResponse response) {}
  }
}
