package dev.fileshare.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The cookie that binds a sign-in to its browser is Secure behind an https public URL. */
class SsoCookieTests {

  private static String cookieFrom(boolean secure) {
    var store = new SsoRequestStore(null, Duration.ofMinutes(10), secure, Clock.systemUTC());
    var response = new MockHttpServletResponse();
    // no request to save: only the cookie is written (cleared), never a row
    store.saveAuthorizationRequest(null, new MockHttpServletRequest(), response);
    return response.getHeader("Set-Cookie");
  }

  @Test
  void secureOnHttps() {
    assertThat(cookieFrom(true)).contains("Secure", "HttpOnly", "SameSite=Lax");
  }

  @Test
  void notSecureOnPlainHttp() {
    assertThat(cookieFrom(false)).doesNotContain("Secure").contains("HttpOnly");
  }
}
