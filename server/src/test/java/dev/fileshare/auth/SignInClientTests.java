package dev.fileshare.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The names people read for the clients they signed in from, and the networks told apart. */
class SignInClientTests {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0 | Firefox on Linux",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
            + " Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0 | Edge on Windows",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko)"
            + " Chrome/131.0.0.0 Safari/537.36 | Chrome on macOS",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like"
            + " Gecko) Version/18.1 Mobile/15E148 Safari/604.1 | Safari on iOS",
        "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko)"
            + " Chrome/131.0.0.0 Mobile Safari/537.36 | Chrome on Android",
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131"
            + " Safari/537.36 | Chrome on Linux",
        "curl/8.11.0 | curl",
        "Java-http-client/17.0.15 | Java-http-client",
        "python-requests/2.32 | python-requests",
        "https://evil.example/login please sign in | A program",
        "Mozilla/5.0 (compatible) | A browser",
      })
  void aClientIsNamedForPeople(String userAgent, String browser) {
    assertThat(new SignInClient(userAgent, "192.0.2.7").browser()).isEqualTo(browser);
  }

  @Test
  void noUserAgentIsAnUnknownClient() {
    assertThat(new SignInClient(null, null).browser()).isEqualTo("Unknown client");
    assertThat(new SignInClient(" \t", null).userAgent()).isNull();
  }

  @Test
  void aLongUserAgentIsCutAndControlCharactersDropped() {
    var client = new SignInClient("curl/8\r\nX-Injected: 1" + "x".repeat(500), null);
    assertThat(client.userAgent()).hasSize(SignInClient.MAX_USER_AGENT).doesNotContain("\r", "\n");
  }

  @Test
  void addressesOfOneBlockAreOneNetwork() {
    assertThat(new SignInClient(null, "198.51.100.23").network()).isEqualTo("198.51.100.0/24");
    assertThat(new SignInClient(null, "198.51.100.201").network()).isEqualTo("198.51.100.0/24");
    assertThat(new SignInClient(null, "198.51.101.23").network()).isEqualTo("198.51.101.0/24");
    assertThat(new SignInClient(null, "2001:db8:1234:5678::1").network())
        .isEqualTo("2001:db8:1234:0:0:0:0:0/48");
    assertThat(new SignInClient(null, "2001:db8:1234:ffff::9").network())
        .isEqualTo("2001:db8:1234:0:0:0:0:0/48");
    assertThat(new SignInClient(null, null).network()).isEmpty();
    assertThat(new SignInClient(null, "proxy.example").network()).isEqualTo("proxy.example");
  }
}
