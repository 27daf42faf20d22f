package dev.fileshare.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.support.SsoFlow;
import dev.fileshare.support.TestIdentityProvider;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Single sign-on through the real server and a real OpenID Connect provider ({@link
 * TestIdentityProvider}), as a browser walks it: to the provider, its login form, back to the
 * server, to the web page with a one-time code, and the code exchanged for a token.
 */
class SsoIntegrationTests extends SsoTest {

  @Test
  void theCallbackMustComeFromTheBrowserThatStartedTheSignIn() {
    var name = TestIdentityProvider.newName("twobrowsers");
    person(name);
    var browser = new SsoFlow();
    var started = browser.toCallback(publicUrl, "test", name);

    assertThat(SsoFlow.error(new SsoFlow().callback(started.callback()))).contains("expired");
    // the browser that started it still can finish it
    assertThat(username(exchange(code(browser.callback(started.callback()))))).isEqualTo(name);
  }

  @Test
  void aCallbackIsTakenOnce() {
    var name = TestIdentityProvider.newName("replay");
    person(name);
    var browser = new SsoFlow();
    var started = browser.toCallback(publicUrl, "test", name);
    assertThat(started.browserCookie()).startsWith(SsoRequestStore.COOKIE + "=");
    code(browser.callback(started.callback()));

    assertThat(SsoFlow.error(SsoFlow.callbackWith(started.callback(), started.browserCookie())))
        .contains("expired");
  }

  @Test
  void theBrowserCookieIsHttpOnlyAndLax() {
    var name = TestIdentityProvider.newName("cookie");
    person(name);
    var start = new SsoFlow().get(URI.create(publicUrl + "/oauth2/authorization/test"));
    var cookie =
        start.headers().allValues("Set-Cookie").stream()
            .filter(value -> value.startsWith(SsoRequestStore.COOKIE + "="))
            .findFirst()
            .orElseThrow();
    assertThat(cookie)
        .contains("HttpOnly", "SameSite=Lax", "Path=/login/oauth2/code/", "Max-Age=600")
        .doesNotContain("Secure"); // the public URL here is http
  }

  @Test
  void aCodeWorksOnceAndForAMinute() {
    var name = TestIdentityProvider.newName("code");
    person(name);
    var code = code(signIn(name));
    exchange(code);
    var again = api.post("/api/user/login/sso/").json(Map.of("code", code)).send();
    assertThat(again.status()).isEqualTo(400);
    assertThat(again.json().get("detail").asString()).contains("Sign in again");

    var late = code(signIn(name));
    clock.advance(Duration.ofSeconds(61));
    assertThat(api.post("/api/user/login/sso/").json(Map.of("code", late)).send().status())
        .isEqualTo(400);
    assertThat(api.post("/api/user/login/sso/").json(Map.of("code", "nonsense")).send().status())
        .isEqualTo(400);
  }

  @Test
  void thePageListsTheProvider() {
    var answer = api.get("/api/auth/providers/").send();
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().toString())
        .isEqualTo(
            "[{\"id\":\"test\",\"name\":\"Test Login\",\"url\":\"/oauth2/authorization/test\"}]");
    assertThat(api.get("/oauth2/authorization/nobody").send().status()).isEqualTo(404);
  }

  @Test
  void theProvidersRefusalEndsOnThePage() {
    var browser = new SsoFlow();
    var start = browser.get(URI.create(publicUrl + "/oauth2/authorization/test"));
    var authorize = URI.create(start.headers().firstValue("Location").orElseThrow());
    var state =
        java.util.Arrays.stream(authorize.getRawQuery().split("&"))
            .filter(parameter -> parameter.startsWith("state="))
            .findFirst()
            .orElseThrow()
            .substring("state=".length());
    var page =
        browser.callback(publicUrl + "/login/oauth2/code/test?error=access_denied&state=" + state);
    assertThat(SsoFlow.error(page)).contains("provider");
  }
}
