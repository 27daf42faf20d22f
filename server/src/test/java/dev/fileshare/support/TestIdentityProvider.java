package dev.fileshare.support;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real OpenID Connect provider for the single sign-on tests: Spring Authorization Server in an
 * application of its own, started once per test JVM on a random port of 127.0.0.1 (the servers
 * under test run on {@code localhost}, so the two keep their cookies apart). It knows one client
 * ({@link #CLIENT_ID}), which may come back to any redirect URI a test {@link #allow allows}, asks
 * for no consent, and signs people in with a login form. Its people are kept here, so a test can
 * add one or change one's address; every one has the password {@link #PASSWORD}. Their ID tokens
 * carry email, email_verified, preferred_username and groups. Nothing of fileshare is scanned or
 * started in it: no database, no migrations, no mail.
 */
public final class TestIdentityProvider {

  public static final String CLIENT_ID = "fileshare";
  public static final String CLIENT_SECRET = "fileshare-secret";
  public static final String PASSWORD = "provider-password";

  /** A person at the provider: the username is also their subject ({@code sub}). */
  public record Person(String username, String email, boolean emailVerified, List<String> groups) {}

  private static final Map<String, Person> PEOPLE = new ConcurrentHashMap<>();
  private static final Set<String> REDIRECT_URIS = ConcurrentHashMap.newKeySet();
  private static volatile ConfigurableApplicationContext context;
  private static volatile String issuer;

  private TestIdentityProvider() {}

  /** The provider's issuer URL, starting it on first use. */
  public static synchronized String issuer() {
    if (context == null) {
      context =
          new SpringApplicationBuilder(Provider.class)
              .web(WebApplicationType.SERVLET)
              .logStartupInfo(false)
              .properties(
                  "spring.config.name=test-identity-provider",
                  "spring.main.banner-mode=off",
                  "server.address=127.0.0.1",
                  "server.port=0")
              .run();
      var port = context.getEnvironment().getProperty("local.server.port");
      issuer = "http://127.0.0.1:" + port;
      Runtime.getRuntime().addShutdownHook(new Thread(context::close));
    }
    return issuer;
  }

  /** Lets the client come back to this redirect URI. */
  public static void allow(String redirectUri) {
    REDIRECT_URIS.add(redirectUri);
  }

  /** Adds the person, or replaces the one with their username (as when their address changes). */
  public static Person person(Person person) {
    PEOPLE.put(person.username(), person);
    return person;
  }

  /**
   * The properties that configure a fileshare server under test to sign in with this provider as
   * {@code registrationId}, shown as {@code name}.
   */
  public static Map<String, String> clientProperties(String registrationId, String name) {
    var registration = "spring.security.oauth2.client.registration." + registrationId + ".";
    var provider = "spring.security.oauth2.client.provider." + registrationId + ".";
    return Map.of(
        registration + "client-id", CLIENT_ID,
        registration + "client-secret", CLIENT_SECRET,
        registration + "client-name", name,
        registration + "scope", "openid,profile,email",
        provider + "issuer-uri", issuer());
  }

  /**
   * Configures the server under test to sign in with this provider as {@code registrationId}, shown
   * as {@code name}, on a port chosen now, with its public URL on that port at {@code localhost}
   * (where the provider sends the browser back to); that URL.
   */
  public static String configure(
      DynamicPropertyRegistry registry, String registrationId, String name) {
    int port;
    try (var socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    var publicUrl = "http://localhost:" + port;
    allow(publicUrl + "/login/oauth2/code/" + registrationId);
    clientProperties(registrationId, name).forEach((key, value) -> registry.add(key, () -> value));
    registry.add("server.port", () -> port);
    registry.add("fileshare.public-url", () -> publicUrl);
    registry.add(TestEnvironment.OWN_PUBLIC_URL, () -> publicUrl);
    return publicUrl;
  }

  /** A new unique username at the provider. */
  public static String newName(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** A test configuration, so that the server under test does not pick it up when it scans. */
  @TestConfiguration(proxyBeanMethods = false)
  @EnableWebSecurity
  @ImportAutoConfiguration({
    PropertyPlaceholderAutoConfiguration.class,
    SslAutoConfiguration.class,
    TomcatServletWebServerAutoConfiguration.class,
    DispatcherServletAutoConfiguration.class,
    WebMvcAutoConfiguration.class,
    ErrorMvcAutoConfiguration.class,
    HttpMessageConvertersAutoConfiguration.class,
    JacksonAutoConfiguration.class,
    SecurityFilterAutoConfiguration.class
  })
  static class Provider {

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
      http.oauth2AuthorizationServer(
              server -> {
                http.securityMatcher(server.getEndpointsMatcher());
                server.oidc(Customizer.withDefaults());
              })
          .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
          .exceptionHandling(
              errors ->
                  errors.defaultAuthenticationEntryPointFor(
                      new LoginUrlAuthenticationEntryPoint("/login"),
                      new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
      return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain signIn(HttpSecurity http) throws Exception {
      http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
          .formLogin(Customizer.withDefaults());
      return http.build();
    }

    @Bean
    UserDetailsService people() {
      return username -> {
        var person = PEOPLE.get(username);
        if (person == null) {
          throw new UsernameNotFoundException(username);
        }
        return User.withUsername(username).password("{noop}" + PASSWORD).roles("USER").build();
      };
    }

    @Bean
    RegisteredClientRepository clients() {
      return new RegisteredClientRepository() {
        @Override
        public void save(RegisteredClient client) {
          // the client is built anew at every look-up; nothing of it changes
        }

        @Override
        public RegisteredClient findById(String id) {
          return client();
        }

        @Override
        public RegisteredClient findByClientId(String clientId) {
          return CLIENT_ID.equals(clientId) ? client() : null;
        }
      };
    }

    /** Built at every look-up, so that redirect URIs allowed later count. */
    private static RegisteredClient client() {
      return RegisteredClient.withId(CLIENT_ID)
          .clientId(CLIENT_ID)
          .clientSecret("{noop}" + CLIENT_SECRET)
          .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
          .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
          .redirectUris(uris -> uris.addAll(REDIRECT_URIS))
          .scope(OidcScopes.OPENID)
          .scope(OidcScopes.PROFILE)
          .scope(OidcScopes.EMAIL)
          .clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
          .build();
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> claims() {
      return context -> {
        if (!"id_token".equals(context.getTokenType().getValue())) {
          return;
        }
        var person = PEOPLE.get(context.getPrincipal().getName());
        if (person != null) {
          context
              .getClaims()
              .claim("email", person.email())
              .claim("email_verified", person.emailVerified())
              .claim("preferred_username", person.username())
              .claim("groups", person.groups());
        }
      };
    }

    @Bean
    JWKSource<SecurityContext> keys() throws NoSuchAlgorithmException {
      var generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      var pair = generator.generateKeyPair();
      var key =
          new RSAKey.Builder((RSAPublicKey) pair.getPublic())
              .privateKey((RSAPrivateKey) pair.getPrivate())
              .keyID(UUID.randomUUID().toString())
              .build();
      return new ImmutableJWKSet<>(new JWKSet(key));
    }

    /** Checks the access tokens the user info endpoint receives. */
    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> keys) {
      return OAuth2AuthorizationServerConfiguration.jwtDecoder(keys);
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings() {
      return AuthorizationServerSettings.builder().build();
    }
  }
}
