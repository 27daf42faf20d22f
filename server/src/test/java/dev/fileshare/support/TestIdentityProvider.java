package dev.fileshare.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
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

  static final Map<String, Person> PEOPLE = new ConcurrentHashMap<>();
  static final Set<String> REDIRECT_URIS = ConcurrentHashMap.newKeySet();
  private static volatile ConfigurableApplicationContext context;
  private static volatile String issuer;

  private TestIdentityProvider() {}

  /** The provider's issuer URL, starting it on first use. */
  public static synchronized String issuer() {
    if (context == null) {
      context =
          new SpringApplicationBuilder(TestIdentityProviderApplication.class)
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
}
