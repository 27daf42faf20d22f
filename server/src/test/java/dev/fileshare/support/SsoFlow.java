package dev.fileshare.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One browser's walk through a single sign-on, as plain HTTP: cookies kept, redirects not followed,
 * so that each step can be looked at. {@link #toCallback} goes from the server to the identity
 * provider, signs in on its login form and stops where the provider sends the browser back to the
 * server; {@link #callback} makes that last step, whose answer redirects to the web page.
 */
public final class SsoFlow {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

  private final HttpClient client;
  private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

  public SsoFlow() {
    client =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** What the server's first answer set: the cookie that binds the sign-in to this browser. */
  public record Start(String browserCookie, String callback) {}

  /**
   * Starts the sign-in at {@code base + /oauth2/authorization/<registrationId>} and signs in at the
   * provider as {@code username}; the URL the provider sends the browser back to, and the cookie.
   */
  public Start toCallback(String base, String registrationId, String username) {
    var start = get(URI.create(base + "/oauth2/authorization/" + registrationId));
    assertThat(start.statusCode()).as(start.toString()).isEqualTo(302);
    var cookie =
        start.headers().allValues("Set-Cookie").stream()
            .filter(value -> value.startsWith("fileshare_sso="))
            .findFirst()
            .orElseThrow();
    var authorize = location(start);
    var toLogin = get(authorize);
    assertThat(toLogin.statusCode()).as(toLogin.toString()).isEqualTo(302);
    var loginPage = get(location(toLogin));
    assertThat(loginPage.statusCode()).isEqualTo(200);
    var csrf = CSRF.matcher(loginPage.body());
    assertThat(csrf.find()).as(loginPage.body()).isTrue();
    var form =
        "username="
            + encode(username)
            + "&password="
            + encode(TestIdentityProvider.PASSWORD)
            + "&_csrf="
            + encode(csrf.group(1));
    var signedIn =
        send(
            HttpRequest.newBuilder(loginPage.uri())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
    assertThat(signedIn.statusCode()).as(signedIn.toString()).isEqualTo(302);
    var back = get(location(signedIn));
    assertThat(back.statusCode()).as(back.toString()).isEqualTo(302);
    var callback = location(back);
    return new Start(cookie.substring(0, cookie.indexOf(';')), callback.toString());
  }

  /**
   * Sends the browser back to the server at {@code callback}, the provider's redirect, on {@code
   * base} (the server's address for these tests); the page the server then sends it to.
   */
  public URI callback(String callback) {
    var answer = get(URI.create(callback));
    assertThat(answer.statusCode()).as(answer.toString() + " " + answer.body()).isEqualTo(302);
    return location(answer);
  }

  /** Sends {@code callback} as a browser that holds only this cookie ({@code name=value}). */
  public static URI callbackWith(String callback, String cookie) {
    var answer =
        new SsoFlow()
            .send(HttpRequest.newBuilder(URI.create(callback)).header("Cookie", cookie).build());
    assertThat(answer.statusCode()).as(answer.toString()).isEqualTo(302);
    return location(answer);
  }

  /** Signs in as {@code username} from start to end; the page the server sends the browser to. */
  public URI signIn(String base, String registrationId, String username) {
    return callback(toCallback(base, registrationId, username).callback());
  }

  /** The one-time code in {@code /#sso=<code>}, if the page got one. */
  public static Optional<String> code(URI page) {
    return fragment(page, "sso=");
  }

  /** The refusal in {@code /#sso_error=<reason>}, if the page got one. */
  public static Optional<String> error(URI page) {
    return fragment(page, "sso_error=");
  }

  private static Optional<String> fragment(URI page, String prefix) {
    var fragment = page.getFragment();
    return fragment != null && fragment.startsWith(prefix)
        ? Optional.of(fragment.substring(prefix.length()))
        : Optional.empty();
  }

  public HttpResponse<String> get(URI uri) {
    return send(HttpRequest.newBuilder(uri).GET().build());
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static URI location(HttpResponse<String> answer) {
    return answer.uri().resolve(answer.headers().firstValue("Location").orElseThrow());
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
